/*
 * stratex-exec: sets up a process for untrusted code, then execs the command.
 *
 *   stratex-exec [--cgroup DIR] [--rlimit NAME=VALUE]... [--uid N --gid N] [--seccomp FILE] -- CMD ARGS...
 *
 * In this order: joins the pids cgroup DIR (so a fork bomb hits its pids.max), sets each rlimit (soft =
 * hard = VALUE; names: as cpu nproc nofile fsize core), drops to uid/gid N (then RLIMIT_NPROC counts, which
 * the kernel ignores for root), sets PR_SET_NO_NEW_PRIVS, loads the raw BPF filter from FILE with
 * prctl(PR_SET_SECCOMP), and execs CMD. Any failure exits 126 with a one-line reason on stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static void fail(const char *what) {
    fprintf(stderr, "stratex-exec: %s: %s\n", what, strerror(errno));
    exit(126);
}

static void join_cgroup(const char *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    int fd = open(path, O_WRONLY);
    if (fd < 0) fail("cgroup");
    if (write(fd, "0\n", 2) < 0) fail("cgroup");
    close(fd);
}

static void set_rlimit(const char *spec) {
    static const struct { const char *name; int resource; } NAMES[] = {
        {"as", RLIMIT_AS},         {"cpu", RLIMIT_CPU},     {"nproc", RLIMIT_NPROC},
        {"nofile", RLIMIT_NOFILE}, {"fsize", RLIMIT_FSIZE}, {"core", RLIMIT_CORE},
    };
    const char *eq = strchr(spec, '=');
    if (eq == NULL) { errno = EINVAL; fail(spec); }
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        if (strlen(NAMES[i].name) == (size_t)(eq - spec) && strncmp(spec, NAMES[i].name, eq - spec) == 0) {
            rlim_t value = strtoull(eq + 1, NULL, 10);
            struct rlimit limit = {value, value};
            if (setrlimit(NAMES[i].resource, &limit) < 0) fail(spec);
            return;
        }
    }
    errno = EINVAL;
    fail(spec);
}

static void load_seccomp(const char *file) {
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) fail("seccomp filter");
    struct sock_filter *code = malloc(st.st_size);
    if (code == NULL || read(fd, code, st.st_size) != st.st_size) fail("seccomp filter");
    close(fd);
    struct sock_fprog prog = {(unsigned short)(st.st_size / sizeof *code), code};
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) fail("seccomp");
    free(code);
}

int main(int argc, char **argv) {
    const char *seccomp = NULL;
    long uid = -1, gid = -1;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
        if (i + 1 >= argc) { errno = EINVAL; fail(argv[i]); }
        if (strcmp(argv[i], "--cgroup") == 0) join_cgroup(argv[i + 1]);
        else if (strcmp(argv[i], "--rlimit") == 0) set_rlimit(argv[i + 1]);
        else if (strcmp(argv[i], "--uid") == 0) uid = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--gid") == 0) gid = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--seccomp") == 0) seccomp = argv[i + 1];
        else { errno = EINVAL; fail(argv[i]); }
    }
    if (i + 1 >= argc) { errno = EINVAL; fail("no command"); }
    if (gid >= 0 && (setgroups(0, NULL) < 0 || setresgid(gid, gid, gid) < 0)) fail("setgid");
    if (uid >= 0 && setresuid(uid, uid, uid) < 0) fail("setuid");
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) fail("no_new_privs");
    if (seccomp != NULL) load_seccomp(seccomp);
    execvp(argv[i + 1], argv + i + 1);
    fail(argv[i + 1]);
}
