/* Mock of the PostgreSQL 15 server extension API (postgres.h, fmgr.h,
 * executor/executor.h, storage/ipc.h, postmaster/bgworker.h): the spellings
 * the rules match (_PG_init, PG_FUNCTION_ARGS, Datum, the hook typedefs). */
#ifndef FORKSAFE_MOCK_POSTGRES_EXT_H
#define FORKSAFE_MOCK_POSTGRES_EXT_H
#include <stdint.h>
typedef uintptr_t Datum;
typedef struct FunctionCallInfoBaseData *FunctionCallInfo;
#define PG_FUNCTION_ARGS FunctionCallInfo fcinfo
#define PGDLLEXPORT __attribute__((visibility("default")))
#define PG_MODULE_MAGIC extern int no_such_variable
#define PG_FUNCTION_INFO_V1(funcname)                                          \
  extern PGDLLEXPORT Datum funcname(PG_FUNCTION_ARGS)
#define PG_RETURN_VOID() return (Datum)0
#define pg_attribute_noreturn() __attribute__((noreturn))
extern PGDLLEXPORT void _PG_init(void);
typedef struct QueryDesc QueryDesc;
typedef void (*ExecutorEnd_hook_type)(QueryDesc *queryDesc);
extern ExecutorEnd_hook_type ExecutorEnd_hook;
void standard_ExecutorEnd(QueryDesc *queryDesc);
typedef void (*shmem_startup_hook_type)(void);
extern shmem_startup_hook_type shmem_startup_hook;
#define BGW_MAXLEN 96
typedef struct BackgroundWorker {
  char bgw_name[BGW_MAXLEN];
  char bgw_type[BGW_MAXLEN];
  int bgw_flags;
  int bgw_start_time;
  int bgw_restart_time;
  char bgw_library_name[BGW_MAXLEN];
  char bgw_function_name[BGW_MAXLEN];
  Datum bgw_main_arg;
} BackgroundWorker;
void RegisterBackgroundWorker(BackgroundWorker *worker);
void BackgroundWorkerUnblockSignals(void);
void proc_exit(int code) __attribute__((noreturn));
#endif
