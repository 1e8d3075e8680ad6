// OpenLDAP: a child that is done with an inherited, bound LDAP* and
// "cleans up" with ldap_unbind_ext_s() sends an UnbindRequest on the parent's
// connection, and the server ends the parent's session. libldap has no close
// without the request: the fix leaves the child with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/openldap | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/openldap -DFIXED | count 0
#include <ldap.h>
#include <stdlib.h>
#include <unistd.h>

LDAP *directory;
// CHECK: openldap-unbind.c:[[#DEF:@LINE-1]]:7: warning: 'directory' (OpenLDAP libldap) is inherited by a child process and closed there: ldap_free_connection() sends an UnbindRequest on the shared connection (and a TLS close_notify for ldaps:// and StartTLS): the server ends the parent's session [forksafe-inherited-handle-close]

static void report(int n) { (void)n; }

int main(void) {
  struct berval cred = {6, "secret"};
  ldap_initialize(&directory, "ldaps://ldap.example.org");
  ldap_sasl_bind_s(directory, "cn=svc,dc=example,dc=org", LDAP_SASL_SIMPLE,
                   &cred, 0, 0, 0);
  // CHECK: openldap-unbind.c:[[#@LINE-2]]:3: note: 'directory' connected here by its first use, ldap_sasl_bind_s()
  if (fork() == 0) {
    // CHECK: openldap-unbind.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'directory'
    report(1);
#ifdef FIXED
    _exit(0);
#else
    ldap_unbind_ext_s(directory, 0, 0);
    // CHECK: openldap-unbind.c:[[#@LINE-1]]:5: note: 'directory' closed here in the child process by ldap_unbind_ext_s()
    exit(0);
#endif
  }
  ldap_unbind_ext(directory, 0, 0);
  return 0;
}
// CHECK: openldap-unbind.c:[[#DEF]]:7: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
