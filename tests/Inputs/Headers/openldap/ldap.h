/* Mock of <ldap.h> (OpenLDAP 2.5 names and signatures). */
#ifndef FORKSAFE_MOCK_LDAP_H
#define FORKSAFE_MOCK_LDAP_H
#include <sys/time.h>
typedef struct ldap LDAP;
typedef struct ldapmsg LDAPMessage;
typedef struct ldapcontrol LDAPControl;
typedef struct berval {
  unsigned long bv_len;
  char *bv_val;
} BerValue;
#define LDAP_SUCCESS 0x00
#define LDAP_SCOPE_SUBTREE 0x0002
#define LDAP_SASL_SIMPLE ((char *)0)
int ldap_initialize(LDAP **ldp, const char *url);
int ldap_sasl_bind_s(LDAP *ld, const char *dn, const char *mechanism,
                     struct berval *cred, LDAPControl **serverctrls,
                     LDAPControl **clientctrls, struct berval **servercredp);
int ldap_search_ext_s(LDAP *ld, const char *base, int scope,
                      const char *filter, char **attrs, int attrsonly,
                      LDAPControl **serverctrls, LDAPControl **clientctrls,
                      struct timeval *timeout, int sizelimit,
                      LDAPMessage **res);
int ldap_msgfree(LDAPMessage *lm);
int ldap_unbind_ext(LDAP *ld, LDAPControl **serverctrls,
                    LDAPControl **clientctrls);
int ldap_unbind_ext_s(LDAP *ld, LDAPControl **serverctrls,
                      LDAPControl **clientctrls);
#endif
