/* Mock of <curl/curl.h> (libcurl): CURL is 'typedef void' as in the real header. */
#ifndef FORKSAFE_MOCK_CURL_H
#define FORKSAFE_MOCK_CURL_H
typedef void CURL;
typedef void CURLSH;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum { CURLOPT_URL = 10002, CURLOPT_FRESH_CONNECT = 74, CURLOPT_FORBID_REUSE = 75 } CURLoption;
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_reset(CURL *curl);
void curl_easy_cleanup(CURL *curl);
#include "multi.h"
#endif
