/* Mock of <curl/multi.h>. */
#ifndef FORKSAFE_MOCK_CURL_MULTI_H
#define FORKSAFE_MOCK_CURL_MULTI_H
typedef void CURLM;
typedef enum { CURLM_OK = 0 } CURLMcode;
CURLM *curl_multi_init(void);
CURLMcode curl_multi_add_handle(CURLM *multi_handle, CURL *curl_handle);
CURLMcode curl_multi_perform(CURLM *multi_handle, int *running_handles);
CURLMcode curl_multi_cleanup(CURLM *multi_handle);
#endif
