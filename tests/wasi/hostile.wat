;; A hostile guest: passes WASI functions pointers and lengths outside its memory, or straddling its
;; end, or wrapping around 2^32. Each call must fail with EFAULT (21) and change nothing: no output,
;; no file, no byte of guest memory (chiwawa's own memory is beyond it, so a missed check would
;; corrupt chiwawa; the native build under ASan catches that too). Prints one line and exits 0, or
;; exits with the number of the first check that failed.
;; Node.js answers EOVERFLOW (61) rather than EFAULT, so this program is not run directly under it.
;; wasi-test: modes: bcd
;; wasi-test: stdin: hostile.wat
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_pread" (func $fd_pread (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory" (func $path_create_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_readlink" (func $path_readlink (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)

  (data (i32.const 16) "\c8\00\00\00\02\00\00\00")  ;; iovec 0 at 16: the 2 bytes at 200
  (data (i32.const 200) "XX")
  (data (i32.const 300) "\aa\aa\aa\aa\aa\aa\aa\aa")
  (data (i32.const 400) "\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb\bb")
  (data (i32.const 1000) "FAIL\n")
  (data (i32.const 1010) "hostile: every call refused with EFAULT, nothing touched\n")
  (data (i32.const 1100) "x")
  (data (i32.const 1200) "\01\00\00\00\00\00\00\00")  ;; a poll subscription: userdata 1, clock 0,
  (data (i32.const 1224) "\00\ca\9a\3b")              ;; timeout 1 s (never reached: the call fails)

  (global $failed (mut i32) (i32.const 0))

  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $fail (param $check i32)
    (if (i32.eqz (global.get $failed))
      (then (global.set $failed (local.get $check)) (call $print (i32.const 1000) (i32.const 5)))))

  ;; Check number $check: the call returned $errno, which must be EFAULT.
  (func $efault (param $errno i32) (param $check i32)
    (if (i32.ne (local.get $errno) (i32.const 21)) (then (call $fail (local.get $check)))))

  ;; The byte at $addr must still be $value.
  (func $same (param $addr i32) (param $value i32) (param $check i32)
    (if (i32.ne (i32.load8_u (local.get $addr)) (local.get $value)) (then (call $fail (local.get $check)))))

  (func (export "_start")
    ;; Writing: the iovec array, a buffer, or the result out of range; nothing may reach stdout.
    (call $efault (call $fd_write (i32.const 1) (i32.const 0xfffffff0) (i32.const 1) (i32.const 100)) (i32.const 1))
    (call $efault (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 100)) (i32.const 2))
    (i32.store (i32.const 24) (i32.const 65530))  ;; iovec 1: 100 bytes from 65530, past the end
    (i32.store (i32.const 28) (i32.const 100))
    (call $efault (call $fd_write (i32.const 1) (i32.const 16) (i32.const 2) (i32.const 100)) (i32.const 3))
    (call $efault (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 65533)) (i32.const 4))
    (call $efault (call $fd_write (i32.const 1) (i32.const 16) (i32.const 0x20000000) (i32.const 100)) (i32.const 5))
    (i32.store (i32.const 28) (i32.const 6))      ;; iovec 1: 6 bytes from 65530, exactly to the end: fine
    (i32.store (i32.const 24) (i32.const 0xffffffff))  ;; now from 2^32 - 1: wraps around in 32 bits
    (i32.store (i32.const 28) (i32.const 2))
    (call $efault (call $fd_write (i32.const 1) (i32.const 24) (i32.const 1) (i32.const 100)) (i32.const 6))

    ;; Reading: a good buffer first and a bad one after it; the good one must stay untouched.
    (i32.store (i32.const 16) (i32.const 300))
    (i32.store (i32.const 20) (i32.const 8))
    (i32.store (i32.const 24) (i32.const 65535))
    (i32.store (i32.const 28) (i32.const 2))
    (call $efault (call $fd_read (i32.const 0) (i32.const 16) (i32.const 2) (i32.const 100)) (i32.const 7))
    (call $efault (call $fd_pread (i32.const 0) (i32.const 16) (i32.const 2) (i64.const 0) (i32.const 100)) (i32.const 8))
    (call $same (i32.const 300) (i32.const 0xaa) (i32.const 9))
    (call $same (i32.const 307) (i32.const 0xaa) (i32.const 10))

    ;; Arguments and environment: either pointer bad, neither area written.
    (call $efault (call $args_sizes_get (i32.const 65534) (i32.const 100)) (i32.const 11))
    (call $efault (call $args_sizes_get (i32.const 100) (i32.const 65536)) (i32.const 12))
    (call $efault (call $args_get (i32.const 65535) (i32.const 400)) (i32.const 13))
    (call $efault (call $args_get (i32.const 400) (i32.const 65535)) (i32.const 14))
    (call $efault (call $environ_get (i32.const 400) (i32.const 0x7fffffff)) (i32.const 15))
    (call $same (i32.const 400) (i32.const 0xbb) (i32.const 16))
    (call $same (i32.const 415) (i32.const 0xbb) (i32.const 17))

    ;; Clocks and randomness.
    (call $efault (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 65529)) (i32.const 18))
    (call $efault (call $random_get (i32.const 65500) (i32.const 100)) (i32.const 19))
    (call $same (i32.const 65500) (i32.const 0) (i32.const 20))
    (call $same (i32.const 65535) (i32.const 0) (i32.const 21))
    (call $efault (call $random_get (i32.const 0xffffffff) (i32.const 2)) (i32.const 22))
    (call $efault (call $random_get (i32.const 10) (i32.const 0xffffffff)) (i32.const 23))

    ;; Paths: a bad name, or a good name with a bad result pointer: no file may be created.
    (call $efault (call $path_open (i32.const 3) (i32.const 0) (i32.const 65530) (i32.const 100)
      (i32.const 1) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 100)) (i32.const 24))
    (call $efault (call $path_open (i32.const 3) (i32.const 0) (i32.const 1100) (i32.const 1)
      (i32.const 1) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 65535)) (i32.const 25))
    (if (i32.ne (call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const 1100) (i32.const 1) (i32.const 500))
                (i32.const 44))  ;; ENOENT: "x" was not created
      (then (call $fail (i32.const 26))))
    (call $efault (call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const 1100) (i32.const 1) (i32.const 65500)) (i32.const 27))
    (call $efault (call $path_create_directory (i32.const 3) (i32.const 0x80000000) (i32.const 4)) (i32.const 28))
    (call $efault (call $path_readlink (i32.const 3) (i32.const 1100) (i32.const 1) (i32.const 65535) (i32.const 10) (i32.const 100)) (i32.const 29))
    (call $efault (call $fd_prestat_dir_name (i32.const 3) (i32.const 65535) (i32.const 10)) (i32.const 30))
    (call $efault (call $fd_readdir (i32.const 3) (i32.const 65000) (i32.const 1000) (i64.const 0) (i32.const 100)) (i32.const 31))
    (call $efault (call $fd_readdir (i32.const 3) (i32.const 500) (i32.const 100) (i64.const 0) (i32.const 65535)) (i32.const 32))

    ;; Descriptors' results.
    (call $efault (call $fd_filestat_get (i32.const 1) (i32.const 65530)) (i32.const 33))
    (call $efault (call $fd_seek (i32.const 0) (i64.const 0) (i32.const 1) (i32.const 65535)) (i32.const 34))

    ;; poll_oneoff: subscriptions, events or the count out of range; it must not wait either.
    (call $efault (call $poll_oneoff (i32.const 65500) (i32.const 2000) (i32.const 1) (i32.const 100)) (i32.const 35))
    (call $efault (call $poll_oneoff (i32.const 1200) (i32.const 65520) (i32.const 1) (i32.const 100)) (i32.const 36))
    (call $efault (call $poll_oneoff (i32.const 1200) (i32.const 2000) (i32.const 1) (i32.const 65534)) (i32.const 37))
    (call $efault (call $poll_oneoff (i32.const 1200) (i32.const 2000) (i32.const 0x10000000) (i32.const 100)) (i32.const 38))

    (if (global.get $failed) (then (call $proc_exit (global.get $failed))))
    (call $print (i32.const 1010) (i32.const 57))
    (call $proc_exit (i32.const 0))))
