// Against the real <ldap.h> (libldap-dev, OpenLDAP 2.5), with the
// deprecated API (LDAP_DEPRECATED) that many programs still use. 'ld' binds
// before fork and the child searches on it; 'admin' is bound before fork and
// the child unbinds it (an UnbindRequest on the parent's connection). The
// fix initializes and binds both in the child, before any request.
// REQUIRES: openldap-headers
// RUN: %expect_exit 1 %forksafe %s -- -DLDAP_DEPRECATED=1 | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -DLDAP_DEPRECATED=1 -DFIXED | count 0
#include <ldap.h>
#include <unistd.h>

LDAP *ld;
// CHECK: openldap.c:[[#@LINE-1]]:7: warning: 'ld' (OpenLDAP libldap) is connected when the process forks
LDAP *admin;
// CHECK: note: 'ld' connected here by its first use, ldap_simple_bind_s()
// CHECK: note: 'ld' used here in the child process by ldap_search_s()
// CHECK: openldap.c:[[#@LINE-3]]:7: warning: 'admin' (OpenLDAP libldap) is inherited by a child process and closed there: ldap_free_connection() sends an UnbindRequest
// CHECK: note: 'admin' connected here by its first use, ldap_sasl_bind_s()
// CHECK: note: 'admin' closed here in the child process by ldap_unbind_ext()

static void connect_all(void) {
  struct berval cred = {6, (char *)"secret"};
  ld = ldap_init("ldap.example.org", LDAP_PORT);
  ldap_simple_bind_s(ld, NULL, NULL);
  ldap_initialize(&admin, "ldapi:///");
  ldap_sasl_bind_s(admin, "cn=admin,dc=example,dc=org", LDAP_SASL_SIMPLE,
                   &cred, NULL, NULL, NULL);
}

int main(void) {
  LDAPMessage *res;
#ifndef FIXED
  connect_all();
#endif
  if (fork() == 0) {
#ifdef FIXED
    connect_all();
#endif
    ldap_search_s(ld, "dc=example,dc=org", LDAP_SCOPE_SUBTREE, "(uid=*)",
                  NULL, 0, &res);
    ldap_msgfree(res);
    ldap_unbind_ext(admin, NULL, NULL);
    _exit(0);
  }
  ldap_unbind(ld);
  return 0;
}
