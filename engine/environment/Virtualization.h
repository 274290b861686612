#pragma once

#include "SystemFiles.h"

#include <QString>

#include <optional>

namespace crucible {

// Whether this runs in a virtual machine, and under which hypervisor, in the order
// systemd-detect-virt trusts the sources: /sys/hypervisor (Xen), the DMI vendor strings, the
// hypervisor's CPUID signature (live root on x86 only), then the CPU's "hypervisor" flag, which
// says only that there is one ("virtual machine"). "none" when /proc/cpuinfo has a flags line
// without it (x86); nullopt when nothing tells (other architectures without DMI). Containers
// are not virtual machines: they share the host's kernel and CPUs.
std::optional<QString> detectVirtualization(const sysfiles::Root& root);

} // namespace crucible
