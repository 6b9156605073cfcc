/*
 * floor: the cost of cmark-gfm alone, as a floor for dossier's build time.
 *
 * Parses every *.md file of a folder with the same options and extensions as dossier
 * (table, strikethrough, autolink, tagfilter, tasklist; smart punctuation, footnotes),
 * renders each to HTML and writes OUTDIR/<name>.html. Nothing else: no front matter,
 * no links, no templates.
 *
 *   cc -O2 -o floor floor.c -lcmark-gfm -lcmark-gfm-extensions -lpthread
 *   floor [-j THREADS] [-u] INDIR OUTDIR
 *
 * -j N  use N threads (default 1); files are handed out one at a time.
 * -u    do not serialise cmark_parser_finish. cmark-gfm 0.29 keeps the inline parser's
 *       special-character table in a global that finishing a parse with extensions
 *       writes to (cmark_manage_extensions_special_characters), so concurrent finishes
 *       race; dossier holds a lock there, and so does floor by default. -u shows what
 *       the lock costs; its output may be wrong (e.g. a missed ~~strikethrough~~).
 *
 * Prints "files bytes-in bytes-out seconds" to stdout.
 */
#define _GNU_SOURCE
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *EXTENSIONS[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
#define N_EXTENSIONS (sizeof EXTENSIONS / sizeof EXTENSIONS[0])
static const int PARSE_OPTIONS = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
static const int RENDER_OPTIONS = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG;

static cmark_syntax_extension *extensions[N_EXTENSIONS];
static char **names;
static size_t n_names;
static const char *in_dir, *out_dir;
static size_t next_index;                 /* atomic */
static int lock_finish = 1;
static pthread_mutex_t finish_lock = PTHREAD_MUTEX_INITIALIZER;

struct totals { size_t files, in, out; int failed; };

static void die(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) die("cannot read", path);
    fclose(f);
    buf[size] = 0;
    *len = (size_t)size;
    return buf;
}

static void *worker(void *arg) {
    struct totals *t = arg;
    char path[4096];
    for (;;) {
        size_t i = __atomic_fetch_add(&next_index, 1, __ATOMIC_RELAXED);
        if (i >= n_names) break;
        size_t len;
        snprintf(path, sizeof path, "%s/%s", in_dir, names[i]);
        char *text = read_file(path, &len);

        cmark_parser *parser = cmark_parser_new(PARSE_OPTIONS);
        for (size_t e = 0; e < N_EXTENSIONS; e++) cmark_parser_attach_syntax_extension(parser, extensions[e]);
        cmark_parser_feed(parser, text, len);
        if (lock_finish) pthread_mutex_lock(&finish_lock);
        cmark_node *doc = cmark_parser_finish(parser);
        if (lock_finish) pthread_mutex_unlock(&finish_lock);
        char *html = cmark_render_html(doc, RENDER_OPTIONS, cmark_parser_get_syntax_extensions(parser));

        size_t stem = strlen(names[i]) - 3; /* drop ".md" */
        snprintf(path, sizeof path, "%s/%.*s.html", out_dir, (int)stem, names[i]);
        FILE *f = fopen(path, "wb");
        size_t out_len = strlen(html);
        if (!f || fwrite(html, 1, out_len, f) != out_len || fclose(f) != 0) die("cannot write", path);

        t->files++;
        t->in += len;
        t->out += out_len;
        free(html);
        cmark_node_free(doc);
        cmark_parser_free(parser);
        free(text);
    }
    return NULL;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    int threads = 1, arg = 1;
    for (; arg < argc && argv[arg][0] == '-'; arg++) {
        if (!strcmp(argv[arg], "-j") && arg + 1 < argc) threads = atoi(argv[++arg]);
        else if (!strcmp(argv[arg], "-u")) lock_finish = 0;
        else break;
    }
    if (argc - arg != 2 || threads < 1) {
        fprintf(stderr, "usage: floor [-j THREADS] [-u] INDIR OUTDIR\n");
        return 2;
    }
    in_dir = argv[arg];
    out_dir = argv[arg + 1];

    /* The extension registry is global: fill it once, before any thread starts. */
    cmark_gfm_core_extensions_ensure_registered();
    for (size_t e = 0; e < N_EXTENSIONS; e++) {
        extensions[e] = cmark_find_syntax_extension(EXTENSIONS[e]);
        if (!extensions[e]) { fprintf(stderr, "floor: no extension %s\n", EXTENSIONS[e]); return 1; }
    }

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);

    DIR *dir = opendir(in_dir);
    if (!dir) die("cannot open", in_dir);
    size_t cap = 1024;
    names = malloc(cap * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        size_t n = strlen(entry->d_name);
        if (n < 4 || strcmp(entry->d_name + n - 3, ".md") != 0) continue;
        if (n_names == cap) names = realloc(names, (cap *= 2) * sizeof *names);
        names[n_names++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, n_names, sizeof *names, by_name);

    pthread_t tids[threads];
    struct totals totals[threads];
    memset(totals, 0, sizeof totals);
    for (int i = 1; i < threads; i++) pthread_create(&tids[i], NULL, worker, &totals[i]);
    worker(&totals[0]);
    for (int i = 1; i < threads; i++) pthread_join(tids[i], NULL);

    clock_gettime(CLOCK_MONOTONIC, &end);
    struct totals sum = {0};
    for (int i = 0; i < threads; i++) { sum.files += totals[i].files; sum.in += totals[i].in; sum.out += totals[i].out; }
    printf("%zu %zu %zu %.3f\n", sum.files, sum.in, sum.out,
           (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9);
    return 0;
}
