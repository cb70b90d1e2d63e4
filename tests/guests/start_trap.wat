;; The start function traps while the module is being instantiated.
(module
  (func $init unreachable)
  (start $init)
  (func (export "f")))
