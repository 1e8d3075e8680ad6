/* Mock of the CPython 3 extension API (Python.h: methodobject.h,
 * moduleobject.h): PyMethodDef and PyModuleDef in field order,
 * PyMODINIT_FUNC, and the calls the tests make. */
#ifndef FORKSAFE_MOCK_PYTHON_H
#define FORKSAFE_MOCK_PYTHON_H
#include <stddef.h>
typedef struct _object PyObject;
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
struct PyMethodDef {
  const char *ml_name;
  PyCFunction ml_meth;
  int ml_flags;
  const char *ml_doc;
};
typedef struct PyMethodDef PyMethodDef;
#define METH_VARARGS 0x0001
#define METH_NOARGS 0x0004
typedef struct PyModuleDef_Base {
  PyObject *ob_base[3];
} PyModuleDef_Base;
#define PyModuleDef_HEAD_INIT {{NULL, NULL, NULL}}
struct PyModuleDef_Slot {
  int slot;
  void *value;
};
typedef struct PyModuleDef_Slot PyModuleDef_Slot;
typedef struct PyModuleDef {
  PyModuleDef_Base m_base;
  const char *m_name;
  const char *m_doc;
  long m_size;
  PyMethodDef *m_methods;
  PyModuleDef_Slot *m_slots;
  void *m_traverse;
  void *m_clear;
  void *m_free;
} PyModuleDef;
#define PyMODINIT_FUNC PyObject *
PyObject *PyModule_Create(PyModuleDef *def);
PyObject *PyModuleDef_Init(PyModuleDef *def);
#define Py_mod_exec 2
PyObject *PyErr_NoMemory(void);
extern PyObject _Py_NoneStruct;
#define Py_RETURN_NONE return &_Py_NoneStruct
#endif
