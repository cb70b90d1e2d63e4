;; A start function that never returns: only --fuel stops it (tests/limits.sh).
(module
  (func $spin (loop $l (br $l)))
  (start $spin)
  (func (export "f")))
