package report

import "syscall"

// errAddrInUse is the error of listening on an address another socket holds.
const errAddrInUse = syscall.EADDRINUSE
