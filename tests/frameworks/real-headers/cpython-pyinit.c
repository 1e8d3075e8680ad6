// CPython 3.11, real headers (python3-dev): an extension module opens a
// MariaDB connection in PyInit_<name>, at import, and keeps it in a static.
// Under uWSGI without lazy-apps or gunicorn --preload the import happens in
// the master, and every worker calling the module's function shares the
// connection. The fix connects on first use, in each worker.
// REQUIRES: python3-dev, mariadb-headers
// RUN: clang-19 -fsyntax-only %cpython_flags %s
// RUN: clang-19 -fsyntax-only %cpython_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S cpython-pyinit.c -- %cpython_flags
// RUN: %make_compdb %t/fixed %S cpython-pyinit.c -- %cpython_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <mysql.h>
#if PY_MAJOR_VERSION != 3 || PY_MINOR_VERSION != 11
#error "not CPython 3.11's headers"
#endif

static MYSQL *db;
// CHECK: cpython-pyinit.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when a preforking Python server (uWSGI without lazy-apps, gunicorn --preload) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int db_connect(void) {
  db = mysql_init(NULL);
  if (db == NULL ||
      mysql_real_connect(db, "localhost", "app", "secret", "shop", 0, NULL,
                         0) == NULL)
    return -1;
  return 0;
}

static PyObject *shopdb_stock(PyObject *self, PyObject *args) {
  const char *sku;
  if (!PyArg_ParseTuple(args, "s", &sku))
    return NULL;
#ifdef FIXED
  if (db == NULL && db_connect() < 0)
    return PyErr_Format(PyExc_ConnectionError, "cannot connect");
#endif
  if (mysql_query(db, "SELECT stock FROM items") != 0)
    return PyErr_Format(PyExc_RuntimeError, "%s", mysql_error(db));
  Py_RETURN_NONE;
}

static PyMethodDef shopdb_methods[] = {
    {"stock", shopdb_stock, METH_VARARGS, "Stock of an item."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef shopdb_module = {PyModuleDef_HEAD_INIT, "shopdb",
                                           "Shop database access.", -1,
                                           shopdb_methods};

PyMODINIT_FUNC PyInit_shopdb(void) {
#ifndef FIXED
  if (db_connect() < 0)
    return PyErr_Format(PyExc_ConnectionError, "cannot connect");
#endif
  return PyModule_Create(&shopdb_module);
}
// CHECK: cpython-pyinit.c:[[#DEF+6]]:7: note: 'db' connected here by mysql_real_connect()
// CHECK: cpython-pyinit.c:[[#DEF+33]]:16: note: CPython runs 'PyInit_shopdb' when the module is imported, which a preforking server that preloads the application (uWSGI without lazy-apps, gunicorn --preload) does in its master before it forks the workers
// CHECK: cpython-pyinit.c:[[#DEF+26]]:15: note: the extension function 'shopdb_stock' registered here runs when Python code calls it, in a worker process
// CHECK: cpython-pyinit.c:[[#DEF+20]]:7: note: 'db' used here in the child process by mysql_query()
// CHECK: cpython-pyinit.c:[[#DEF]]:15: note: connect lazily in each worker process (on first use, remembering the pid that connected), not in PyInit or at import; or load the application in each worker: uWSGI lazy-apps = true, gunicorn without --preload; do not close the inherited handle in a worker
