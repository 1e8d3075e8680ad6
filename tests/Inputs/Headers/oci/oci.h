/* Mock of Oracle's <oci.h> (OCI C API, real names and signatures from ociap.h
 * and oratypes.h). Oracle's headers are not in Debian: this mock is the only test. */
#ifndef FORKSAFE_MOCK_OCI_H
#define FORKSAFE_MOCK_OCI_H
#include <stddef.h>
typedef unsigned char ub1;
typedef unsigned short ub2;
typedef unsigned int ub4;
typedef signed int sb4;
typedef signed int sword;
typedef unsigned char OraText;
typedef struct OCIEnv OCIEnv;
typedef struct OCIError OCIError;
typedef struct OCISvcCtx OCISvcCtx;
typedef struct OCIStmt OCIStmt;
typedef struct OCISnapshot OCISnapshot;
#define OCI_THREADED 0x00000001
#define OCI_DEFAULT 0x00000000
#define OCI_HTYPE_ENV 1
#define OCI_HTYPE_ERROR 2
#define OCI_HTYPE_SVCCTX 3
#define OCI_NTV_SYNTAX 1
sword OCIEnvCreate(OCIEnv **envp, ub4 mode, void *ctxp,
                   void *(*malocfp)(void *ctxp, size_t size),
                   void *(*ralocfp)(void *ctxp, void *memptr, size_t newsize),
                   void (*mfreefp)(void *ctxp, void *memptr), size_t xtramem_sz,
                   void **usrmempp);
sword OCIHandleAlloc(const void *parenth, void **hndlpp, const ub4 type, const size_t xtramem_sz,
                     void **usrmempp);
sword OCIHandleFree(void *hndlp, const ub4 type);
sword OCILogon2(OCIEnv *envhp, OCIError *errhp, OCISvcCtx **svchp, const OraText *username,
                ub4 uname_len, const OraText *password, ub4 passwd_len, const OraText *dbname,
                ub4 dbname_len, ub4 mode);
sword OCILogoff(OCISvcCtx *svchp, OCIError *errhp);
sword OCIStmtPrepare2(OCISvcCtx *svchp, OCIStmt **stmtp, OCIError *errhp, const OraText *stmttext,
                      ub4 stmt_len, const OraText *key, ub4 keylen, ub4 language, ub4 mode);
sword OCIStmtExecute(OCISvcCtx *svchp, OCIStmt *stmtp, OCIError *errhp, ub4 iters, ub4 rowoff,
                     const OCISnapshot *snap_in, OCISnapshot *snap_out, ub4 mode);
sword OCITransCommit(OCISvcCtx *svchp, OCIError *errhp, ub4 flags);
#endif
