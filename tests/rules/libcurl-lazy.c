// libcurl connects lazily: curl_easy_init/curl_multi_init only allocate, so
// handles created before fork and first used in the child are fine (the
// default build here); a multi handle that performed before fork is not.
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/libcurl | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/libcurl -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <curl/curl.h>
#include <unistd.h>

CURL *easy;
CURLM *multi;
// CHECK: libcurl-lazy.c:[[#DEF:@LINE-1]]:8: warning: 'multi' (libcurl) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(void) {
  int running;
  easy = curl_easy_init();
  multi = curl_multi_init();
  curl_multi_add_handle(multi, easy);
#ifdef BUG
  curl_multi_perform(multi, &running);
  // CHECK: libcurl-lazy.c:[[#@LINE-1]]:3: note: 'multi' connected here by its first use, curl_multi_perform()
#endif
  if (fork() == 0) {
    // CHECK: libcurl-lazy.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'multi'
    curl_multi_perform(multi, &running);
    // CHECK: libcurl-lazy.c:[[#@LINE-1]]:5: note: 'multi' used here in the child process by curl_multi_perform()
    curl_multi_cleanup(multi);
    _exit(0);
  }
  return 0;
}
// CHECK: libcurl-lazy.c:[[#DEF]]:8: note: make the first transfer on each handle after fork()
