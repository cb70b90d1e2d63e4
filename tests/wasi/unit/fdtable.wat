;; A guest for test_fdtable.c: opens, writes and reads one file through WASI, on the test's command.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "sub/../notes.txt")
  (data (i32.const 200) "hello")

  ;; Creates notes.txt (through sub/..) in the first preopen: the new descriptor, or -errno.
  (func (export "open") (result i32)
    (local $e i32)
    (local.set $e (call $path_open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 16)
      (i32.const 1) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 8)))
    (if (result i32) (local.get $e) (then (i32.sub (i32.const 0) (local.get $e))) (else (i32.load (i32.const 8)))))

  ;; Writes "hello" to fd: the count, or -errno.
  (func (export "write") (param $fd i32) (result i32)
    (call $io (local.get $fd) (i32.const 200) (i32.const 1)))

  ;; Reads up to 5 bytes from fd to 300: the count, or -errno; the bytes as an i32 from 300.
  (func (export "read") (param $fd i32) (result i32)
    (call $io (local.get $fd) (i32.const 300) (i32.const 0)))
  (func (export "first4") (result i32) (i32.load (i32.const 300)))

  (func $io (param $fd i32) (param $buf i32) (param $write i32) (result i32)
    (local $e i32)
    (i32.store (i32.const 0) (local.get $buf))
    (i32.store (i32.const 4) (i32.const 5))
    (local.set $e (if (result i32) (local.get $write)
      (then (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
      (else (call $fd_read (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))))
    (if (result i32) (local.get $e) (then (i32.sub (i32.const 0) (local.get $e))) (else (i32.load (i32.const 8))))))
