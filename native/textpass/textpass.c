/* The moderation check's one pass over a text (backend/moderation/readings.py), in C.
 *
 * readings.py builds a table giving each character of the Basic Multilingual Plane four characters
 * (normalised form, syllable, contact fold, kind), or one character for a character the general path
 * must handle. translate4(text) returns exactly text.translate(table) when every character of the text
 * has four, and None otherwise (the caller then takes the general path): the same answer as
 * str.translate, without its per-character lookups through Python objects. count_digits(text) counts
 * its ASCII digits (the contact check's first question: could a phone number be in it at all?).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define BMP 0x10000
#define WIDTH 4

static Py_UCS4 *table = NULL;         /* BMP * WIDTH characters */
static unsigned char *general = NULL; /* 1: not one for one (the general path) */
static Py_UCS4 *widest = NULL;        /* the largest of each entry's four characters */

static PyObject *
load_table(PyObject *module, PyObject *entries)
{
    if (!PyList_Check(entries) || PyList_GET_SIZE(entries) != BMP) {
        PyErr_SetString(PyExc_ValueError, "load_table: a list of 65536 strings");
        return NULL;
    }
    Py_UCS4 *new_table = PyMem_RawMalloc(sizeof(Py_UCS4) * BMP * WIDTH);
    unsigned char *new_general = PyMem_RawCalloc(BMP, 1);
    Py_UCS4 *new_widest = PyMem_RawCalloc(BMP, sizeof(Py_UCS4));
    if (new_table == NULL || new_general == NULL || new_widest == NULL) {
        PyMem_RawFree(new_table);
        PyMem_RawFree(new_general);
        PyMem_RawFree(new_widest);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t code = 0; code < BMP; code++) {
        PyObject *entry = PyList_GET_ITEM(entries, code);
        if (!PyUnicode_Check(entry)) {
            PyErr_SetString(PyExc_TypeError, "load_table: every entry is a string");
            goto fail;
        }
        if (PyUnicode_GET_LENGTH(entry) != WIDTH) {
            new_general[code] = 1;
            continue;
        }
        for (int k = 0; k < WIDTH; k++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(entry, k);
            new_table[code * WIDTH + k] = ch;
            if (ch > new_widest[code])
                new_widest[code] = ch;
        }
    }
    PyMem_RawFree(table);
    PyMem_RawFree(general);
    PyMem_RawFree(widest);
    table = new_table;
    general = new_general;
    widest = new_widest;
    Py_RETURN_NONE;
fail:
    PyMem_RawFree(new_table);
    PyMem_RawFree(new_general);
    PyMem_RawFree(new_widest);
    return NULL;
}

static PyObject *
translate4(PyObject *module, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "translate4: a string");
        return NULL;
    }
    if (table == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "translate4: load_table first");
        return NULL;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 code = PyUnicode_READ(kind, data, i);
        if (code >= BMP || general[code])
            Py_RETURN_NONE;
        if (widest[code] > maxchar)
            maxchar = widest[code];
    }
    /* The result in its canonical form (the narrowest kind holding maxchar), as str.translate makes it. */
    PyObject *result = PyUnicode_New(size * WIDTH, maxchar);
    if (result == NULL)
        return NULL;
    int out_kind = PyUnicode_KIND(result);
    void *out = PyUnicode_DATA(result);
    if (out_kind == PyUnicode_1BYTE_KIND) {
        Py_UCS1 *target = out;
        for (Py_ssize_t i = 0; i < size; i++) {
            const Py_UCS4 *entry = table + PyUnicode_READ(kind, data, i) * WIDTH;
            for (int k = 0; k < WIDTH; k++)
                *target++ = (Py_UCS1)entry[k];
        }
    } else if (out_kind == PyUnicode_2BYTE_KIND) {
        Py_UCS2 *target = out;
        for (Py_ssize_t i = 0; i < size; i++) {
            const Py_UCS4 *entry = table + PyUnicode_READ(kind, data, i) * WIDTH;
            for (int k = 0; k < WIDTH; k++)
                *target++ = (Py_UCS2)entry[k];
        }
    } else {
        Py_UCS4 *target = out;
        for (Py_ssize_t i = 0; i < size; i++) {
            memcpy(target, table + PyUnicode_READ(kind, data, i) * WIDTH, sizeof(Py_UCS4) * WIDTH);
            target += WIDTH;
        }
    }
    return result;
}

static PyObject *
count_digits(PyObject *module, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "count_digits: a string");
        return NULL;
    }
    Py_ssize_t size = PyUnicode_GET_LENGTH(text), count = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        count += ch >= '0' && ch <= '9';
    }
    return PyLong_FromSsize_t(count);
}

static PyMethodDef methods[] = {
    {"load_table", load_table, METH_O, "Sets the table: 65536 strings, four characters or one each."},
    {"translate4", translate4, METH_O, "text.translate(table), or None when a character has no four."},
    {"count_digits", count_digits, METH_O, "How many ASCII digits 0-9 the text holds."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "cmt_textpass", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_cmt_textpass(void)
{
    return PyModule_Create(&module);
}
