/* Mock of the nginx module API (nginx src/core/ngx_module.h,
 * src/http/ngx_http_config.h, ngx_http_core_module.h): the fields in the
 * real order and types, NGX_MODULE_V1 padding included. */
#ifndef FORKSAFE_MOCK_NGX_CORE_H
#define FORKSAFE_MOCK_NGX_CORE_H
#include <stddef.h>
#include <stdint.h>
typedef intptr_t ngx_int_t;
typedef uintptr_t ngx_uint_t;
typedef struct ngx_cycle_s ngx_cycle_t;
typedef struct ngx_conf_s ngx_conf_t;
typedef struct ngx_log_s ngx_log_t;
typedef struct ngx_command_s ngx_command_t;
typedef struct ngx_module_s ngx_module_t;
typedef struct ngx_http_request_s ngx_http_request_t;
typedef struct { size_t len; unsigned char *data; } ngx_str_t;
#define NGX_OK 0
#define NGX_ERROR -1
#define NGX_HTTP_MODULE 0x50545448
#define NGX_MODULE_UNSET_INDEX (ngx_uint_t) - 1
#define NGX_MODULE_SIGNATURE "8,4,8,0000111111010111001111111111111111"
#define nginx_version 1022001
#define NGX_MODULE_V1                                                          \
  NGX_MODULE_UNSET_INDEX, NGX_MODULE_UNSET_INDEX, NULL, 0, 0, nginx_version,   \
      NGX_MODULE_SIGNATURE
#define NGX_MODULE_V1_PADDING 0, 0, 0, 0, 0, 0, 0, 0
struct ngx_module_s {
  ngx_uint_t ctx_index;
  ngx_uint_t index;
  char *name;
  ngx_uint_t spare0;
  ngx_uint_t spare1;
  ngx_uint_t version;
  const char *signature;
  void *ctx;
  ngx_command_t *commands;
  ngx_uint_t type;
  ngx_int_t (*init_master)(ngx_log_t *log);
  ngx_int_t (*init_module)(ngx_cycle_t *cycle);
  ngx_int_t (*init_process)(ngx_cycle_t *cycle);
  ngx_int_t (*init_thread)(ngx_cycle_t *cycle);
  void (*exit_thread)(ngx_cycle_t *cycle);
  void (*exit_process)(ngx_cycle_t *cycle);
  void (*exit_master)(ngx_cycle_t *cycle);
  uintptr_t spare_hook0;
  uintptr_t spare_hook1;
  uintptr_t spare_hook2;
  uintptr_t spare_hook3;
  uintptr_t spare_hook4;
  uintptr_t spare_hook5;
  uintptr_t spare_hook6;
  uintptr_t spare_hook7;
};
typedef ngx_int_t (*ngx_http_handler_pt)(ngx_http_request_t *r);
typedef struct {
  ngx_int_t (*preconfiguration)(ngx_conf_t *cf);
  ngx_int_t (*postconfiguration)(ngx_conf_t *cf);
  void *(*create_main_conf)(ngx_conf_t *cf);
  char *(*init_main_conf)(ngx_conf_t *cf, void *conf);
  void *(*create_srv_conf)(ngx_conf_t *cf);
  char *(*merge_srv_conf)(ngx_conf_t *cf, void *prev, void *conf);
  void *(*create_loc_conf)(ngx_conf_t *cf);
  char *(*merge_loc_conf)(ngx_conf_t *cf, void *prev, void *conf);
} ngx_http_module_t;
typedef struct ngx_http_core_loc_conf_s ngx_http_core_loc_conf_t;
struct ngx_http_core_loc_conf_s {
  ngx_str_t name;
  ngx_http_handler_pt handler;
};
ngx_http_core_loc_conf_t *ngx_http_conf_get_module_loc_conf(ngx_conf_t *cf,
                                                            ngx_module_t m);
extern ngx_module_t ngx_http_core_module;
#endif
