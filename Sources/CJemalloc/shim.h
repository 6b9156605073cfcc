/* Nothing to declare: importing this module links jemalloc into the executable, where its
   malloc, calloc and free replace glibc's for the whole process (see Package.swift). */
