#ifndef PGLIVE_CLIBPQ_SHIM_H
#define PGLIVE_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
