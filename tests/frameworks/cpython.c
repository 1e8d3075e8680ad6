// CPython extension module under a preforking server that loads the
// application in its master (uWSGI without lazy-apps, gunicorn --preload):
// PyInit_<name> runs at import, in the master, before the workers fork; a
// connection it opens and keeps in a module-level static is shared by every
// worker calling the module's functions. The fix connects lazily on first
// use, in each worker.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <Python.h>
#include <libpq-fe.h>

static PGconn *conn;
// CHECK: cpython.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when a preforking Python server (uWSGI without lazy-apps, gunicorn --preload) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static PyObject *fastdb_count(PyObject *self, PyObject *args) {
#ifdef FIXED
  if (conn == NULL)
    conn = PQconnectdb("dbname=app");
#endif
  PGresult *res = PQexec(conn, "SELECT count(*) FROM items");
  PQclear(res);
  Py_RETURN_NONE;
}

static PyMethodDef fastdb_methods[] = {
    {"count", fastdb_count, METH_NOARGS, "Count the items."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef fastdb_module = {PyModuleDef_HEAD_INIT, "fastdb",
                                           NULL, -1, fastdb_methods};

PyMODINIT_FUNC PyInit_fastdb(void) {
#ifndef FIXED
  conn = PQconnectdb("dbname=app");
#endif
  return PyModule_Create(&fastdb_module);
}
// CHECK: cpython.c:[[#DEF+22]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: cpython.c:[[#DEF+20]]:16: note: CPython runs 'PyInit_fastdb' when the module is imported, which a preforking server that preloads the application (uWSGI without lazy-apps, gunicorn --preload) does in its master before it forks the workers
// CHECK: cpython.c:[[#DEF+14]]:15: note: the extension function 'fastdb_count' registered here runs when Python code calls it, in a worker process
// CHECK: cpython.c:[[#DEF+8]]:19: note: 'conn' used here in the child process by PQexec()
// CHECK: cpython.c:[[#DEF]]:16: note: connect lazily in each worker process (on first use, remembering the pid that connected), not in PyInit or at import; or load the application in each worker: uWSGI lazy-apps = true, gunicorn without --preload; do not close the inherited handle in a worker
