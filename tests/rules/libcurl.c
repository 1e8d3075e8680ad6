// libcurl: a handle that made a transfer before fork keeps the connection
// cached; the child's transfer reuses the parent's socket. The fix makes the
// first transfer in the child (the handle itself may be created before fork).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/libcurl | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libcurl -DFIXED | count 0
#include <curl/curl.h>
#include <unistd.h>

static CURL *curl;
// CHECK: libcurl.c:[[#DEF:@LINE-1]]:14: warning: 'curl' (libcurl) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(void) {
  curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, "https://api.example.com/health");
#ifndef FIXED
  curl_easy_perform(curl);
  // CHECK: libcurl.c:[[#@LINE-1]]:3: note: 'curl' connected here by its first use, curl_easy_perform()
#endif
  if (fork() == 0) {
    // CHECK: libcurl.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'curl'
    curl_easy_reset(curl); /* keeps the cached connections: not a fix */
    // CHECK: libcurl.c:[[#@LINE-1]]:5: note: 'curl' used here in the child process by curl_easy_reset()
    curl_easy_setopt(curl, CURLOPT_URL, "https://api.example.com/jobs");
    curl_easy_perform(curl);
    _exit(0);
  }
  return 0;
}
// CHECK: libcurl.c:[[#DEF]]:14: note: make the first transfer on each handle after fork() (or create the handle in the child); if a handle must cross fork, set CURLOPT_FRESH_CONNECT and CURLOPT_FORBID_REUSE for the child's transfers; curl_easy_reset() keeps the cached connections
