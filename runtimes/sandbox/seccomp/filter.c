/*
 * Writes the stratex seccomp filter as raw BPF to the file named by argv[1] (with `--job` after it:
 * the stricter filter a runtime loads into each job's process, which also denies execve/execveat and
 * every new process: fork, vfork, clone without CLONE_THREAD; threads stay allowed) (built with libseccomp
 * at install time by scripts/build-seccomp.mjs; the launcher loads the BPF without libseccomp).
 *
 * Default: allow. A denied call kills the calling process (SIGSYS), which the runtimes report as
 * SANDBOX_VIOLATION: an unambiguous exit signal rather than an errno user code could swallow.
 * Exception: socket(AF_UNIX) fails with EACCES (see below).
 * clone3 answers ENOSYS so that libc falls back to clone, whose flags can be inspected.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *const DENIED[] = {
    "socketpair", "connect", "bind", "listen", "accept", "accept4",
    "ptrace", "process_vm_readv", "process_vm_writev",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
    "bpf", "keyctl", "add_key", "request_key", "perf_event_open", "personality",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "open_by_handle_at", "name_to_handle_at", "userfaultfd", "io_uring_setup",
    "fanotify_init", "swapon", "swapoff", "reboot", "syslog", "acct", "quotactl",
    "mknod", "mknodat", "settimeofday", "clock_settime", "adjtimex", "clock_adjtime",
    "move_mount", "open_tree", "fsopen", "fsmount", "fsconfig", "fspick", "mount_setattr",
    "pidfd_getfd", "kcmp", "lookup_dcookie", "vhangup", "iopl", "ioperm",
};

int main(int argc, char **argv) {
    int job = argc == 3 && strcmp(argv[2], "--job") == 0;
    if (argc != 2 && !job) {
        fprintf(stderr, "usage: %s OUTPUT.bpf [--job]\n", argv[0]);
        return 2;
    }
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL) return 1;
    for (size_t i = 0; i < sizeof DENIED / sizeof DENIED[0]; i++) {
        int nr = seccomp_syscall_resolve_name(DENIED[i]);
        if (nr == __NR_SCMP_ERROR) continue; /* not on this architecture */
        if (seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, nr, 0) < 0) return 1;
    }
    /* A job runs Python code only: it never needs to start another program. */
    if (job && (seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(execve), 0) < 0 ||
                seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(execveat), 0) < 0))
        return 1;
    /* Nor another process: a fork bomb dies at its first fork, whatever caps the sandbox's processes
     * (root is exempt from RLIMIT_NPROC, and a pids cgroup is not writable everywhere). Threads are
     * clones with CLONE_THREAD; RLIMIT_AS (their stacks) bounds how many. */
    if (job && (seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(fork), 0) < 0 ||
                seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(vfork), 0) < 0 ||
                seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(clone), 1,
                                 SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)) < 0))
        return 1;
    /* No new namespaces through clone's flags (unshare and setns are denied above). */
    static const int NAMESPACE_FLAGS[] = {CLONE_NEWNS,  CLONE_NEWUSER, CLONE_NEWPID,   CLONE_NEWNET,
                                          CLONE_NEWIPC, CLONE_NEWUTS,  CLONE_NEWCGROUP};
    for (size_t i = 0; i < sizeof NAMESPACE_FLAGS / sizeof NAMESPACE_FLAGS[0]; i++) {
        scmp_datum_t flag = (scmp_datum_t)NAMESPACE_FLAGS[i];
        if (seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)) < 0)
            return 1;
    }
    if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) < 0) return 1;
    /* A network socket kills; a local one fails quietly: glibc asks nscd over AF_UNIX when it looks up
     * a user (getpwuid, e.g. for `~` with no HOME), and that lookup must not end the job. */
    if (seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_NE, AF_UNIX)) < 0 ||
        seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, AF_UNIX)) < 0)
        return 1;
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || seccomp_export_bpf(ctx, fd) < 0) return 1;
    close(fd);
    seccomp_release(ctx);
    return 0;
}
