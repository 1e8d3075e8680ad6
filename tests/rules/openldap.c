// OpenLDAP: libldap connects on the first request, so an LDAP* initialized
// before fork is harmless; this one binds before fork, and the child's
// search then runs on the parent's connection. The fix binds in the child
// (the handle itself may still be initialized before fork).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/openldap | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/openldap -DFIXED | count 0
#include <ldap.h>
#include <unistd.h>

static LDAP *ld;
// CHECK: openldap.c:[[#DEF:@LINE-1]]:14: warning: 'ld' (OpenLDAP libldap) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void bind_service(void) {
  struct berval cred = {6, "secret"};
  ldap_sasl_bind_s(ld, "cn=svc,dc=example,dc=org", LDAP_SASL_SIMPLE, &cred,
                   0, 0, 0);
  // CHECK: openldap.c:[[#@LINE-2]]:3: note: 'ld' connected here by its first use, ldap_sasl_bind_s()
}

int main(void) {
  ldap_initialize(&ld, "ldap://ldap.example.org");
#ifndef FIXED
  bind_service();
#endif
  if (fork() == 0) {
    // CHECK: openldap.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'ld'
    LDAPMessage *res;
#ifdef FIXED
    bind_service();
#endif
    ldap_search_ext_s(ld, "dc=example,dc=org", LDAP_SCOPE_SUBTREE,
                      "(uid=alice)", 0, 0, 0, 0, 0, 0, &res);
    // CHECK: openldap.c:[[#@LINE-2]]:5: note: 'ld' used here in the child process by ldap_search_ext_s()
    ldap_msgfree(res);
    _exit(0);
  }
  return 0;
}
// CHECK: openldap.c:[[#DEF]]:14: note: call ldap_initialize() in each process after fork(), or at least make the first bind or request after fork() (libldap connects on the first request, so an LDAP* that has not talked yet may cross fork()); never ldap_unbind_ext() or ldap_destroy() an inherited LDAP* in the child (both send an UnbindRequest on the parent's connection): leave the child with _exit()
