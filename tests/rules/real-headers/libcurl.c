// Against the real <curl/curl.h> (libcurl4-openssl-dev): CURL, CURLM and
// CURLSH are 'typedef void' there; the rules match them by typedef name.
// REQUIRES: libcurl-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <curl/curl.h>
#include <unistd.h>

CURL *easy;
// CHECK: libcurl.c:[[#@LINE-1]]:7: warning: 'easy' (libcurl) is connected when the process forks
CURLM *multi;
// CHECK: note: 'easy' connected here by its first use, curl_easy_perform()
// CHECK: note: 'easy' used here in the child process by curl_easy_perform()
// CHECK: libcurl.c:[[#@LINE-3]]:8: warning: 'multi' (libcurl) is connected when the process forks
// CHECK: note: 'multi' connected here by its first use, curl_multi_perform()
// CHECK: note: 'multi' used here in the child process by curl_multi_perform()
CURLSH *share;

int main(void) {
  int running;
  share = curl_share_init();
  easy = curl_easy_init();
  multi = curl_multi_init();
  CURL *other = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, "https://example.com/");
  curl_multi_add_handle(multi, other);
#ifndef FIXED
  curl_easy_perform(easy);
  curl_multi_perform(multi, &running);
#endif
  if (fork() == 0) {
    curl_easy_perform(easy);
    curl_multi_perform(multi, &running);
    _exit(0);
  }
  curl_easy_cleanup(easy);
  curl_multi_cleanup(multi);
  curl_share_cleanup(share);
  return 0;
}
