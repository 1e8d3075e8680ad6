/* Mock of the PHP extension API (Zend/zend_API.h, zend_modules.h): the
 * lifecycle macros expand to zm_startup_<ext> / zm_activate_<ext> as in PHP. */
#ifndef FORKSAFE_MOCK_PHP_H
#define FORKSAFE_MOCK_PHP_H
#define SUCCESS 0
#define INIT_FUNC_ARGS int type, int module_number
#define PHP_MINIT_FUNCTION(module) int zm_startup_##module(INIT_FUNC_ARGS)
#define PHP_RINIT_FUNCTION(module) int zm_activate_##module(INIT_FUNC_ARGS)
#define PHP_MINIT(module) zm_startup_##module
#define PHP_RINIT(module) zm_activate_##module
typedef struct _zend_module_entry {
  unsigned short size;
  unsigned int zend_api;
  const char *name;
  const void *functions;
  int (*module_startup_func)(INIT_FUNC_ARGS);
  int (*module_shutdown_func)(int type, int module_number);
  int (*request_startup_func)(INIT_FUNC_ARGS);
  int (*request_shutdown_func)(int type, int module_number);
} zend_module_entry;
#endif
