/* Importing this module links jemalloc into the executable, where its malloc, calloc and
   free replace glibc's for the whole process (see Package.swift); `mallctl` tunes it. */
#include <jemalloc/jemalloc.h>
