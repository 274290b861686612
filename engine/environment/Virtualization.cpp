#include "Virtualization.h"

#include <QRegularExpression>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace crucible {

namespace {

// DMI strings that name a hypervisor (systemd's detect-virt table, abridged); the first match
// in sys_vendor, product_name, board_vendor or bios_vendor wins.
constexpr std::pair<const char*, const char*> kDmiVendors[] = {
    {"KVM", "KVM"},
    {"OpenStack", "KVM"},
    {"KubeVirt", "KVM"},
    {"Amazon EC2", "Amazon EC2"},
    {"QEMU", "QEMU"},
    {"VMware", "VMware"},
    {"VMW", "VMware"},
    {"innotek GmbH", "VirtualBox"},
    {"VirtualBox", "VirtualBox"},
    {"Xen", "Xen"},
    {"Bochs", "Bochs"},
    {"Parallels", "Parallels"},
    {"BHYVE", "bhyve"},
    {"Hyper-V", "Hyper-V"},
    {"Apple Virtualization", "Apple Virtualization"},
    {"Google Compute Engine", "Google Compute Engine"},
};

std::optional<QString> fromDmi(const sysfiles::Root& root)
{
    for (const char* file : {"sys_vendor", "product_name", "board_vendor", "bios_vendor"}) {
        const std::optional<QString> value = root.line(QStringLiteral("sys/class/dmi/id/") + QLatin1String(file));
        if (!value || value->isEmpty())
            continue;
        for (const auto& [needle, name] : kDmiVendors)
            if (value->startsWith(QLatin1String(needle)))
                return QString::fromLatin1(name);
        // Hyper-V's guests say "Microsoft Corporation" / "Virtual Machine"; Microsoft's own
        // hardware (Surface) says the vendor alone.
        if (*value == QLatin1String("Microsoft Corporation")
            && root.line(QStringLiteral("sys/class/dmi/id/product_name")).value_or(QString())
                == QLatin1String("Virtual Machine"))
            return QStringLiteral("Hyper-V");
    }
    return std::nullopt;
}

// The vendor signature of CPUID leaf 0x40000000, asked only when CPUID says a hypervisor is
// present (bit 31 of ECX in leaf 1): on bare metal that leaf returns unrelated data.
std::optional<QString> fromCpuid()
{
#if defined(__x86_64__) || defined(__i386__)
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 31)))
        return std::nullopt;
    __cpuid(0x40000000, a, b, c, d);
    char signature[13] = {};
    for (int i = 0; i < 4; ++i) {
        signature[i] = char(b >> (8 * i));
        signature[4 + i] = char(c >> (8 * i));
        signature[8 + i] = char(d >> (8 * i));
    }
    constexpr std::pair<const char*, const char*> kSignatures[] = {
        {"KVMKVMKVM", "KVM"},      {"Microsoft Hv", "Hyper-V"},   {"VMwareVMware", "VMware"},
        {"XenVMMXenVMM", "Xen"},   {"TCGTCGTCGTCG", "QEMU"},      {"VBoxVBoxVBox", "VirtualBox"},
        {"bhyve bhyve ", "bhyve"}, {" lrpepyh  vr", "Parallels"}, {"ACRNACRNACRN", "ACRN"},
        {"QNXQVMBSQG", "QNX"},     {"SRESRESRESRE", "SRE"},       {"Linux KVM Hv", "KVM"},
    };
    const QLatin1String got(signature);
    for (const auto& [sig, name] : kSignatures)
        if (got.startsWith(QLatin1String(sig)))
            return QString::fromLatin1(name);
#endif
    return std::nullopt;
}

} // namespace

std::optional<QString> detectVirtualization(const sysfiles::Root& root)
{
    if (const std::optional<QString> xen = root.line(QStringLiteral("sys/hypervisor/type")); xen && !xen->isEmpty())
        return xen->compare(QLatin1String("xen"), Qt::CaseInsensitive) == 0 ? QStringLiteral("Xen") : *xen;
    if (std::optional<QString> dmi = fromDmi(root))
        return dmi;
    if (root.isLive())
        if (std::optional<QString> cpuid = fromCpuid())
            return cpuid;
    const std::optional<QString> cpuinfo = root.text(QStringLiteral("proc/cpuinfo"));
    if (!cpuinfo)
        return std::nullopt;
    static const QRegularExpression flagsLine(QStringLiteral("^flags\\s*:(.*)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch flags = flagsLine.match(*cpuinfo);
    if (!flags.hasMatch())
        return std::nullopt;
    return flags.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QLatin1String("hypervisor"))
        ? QStringLiteral("virtual machine")
        : QStringLiteral("none");
}

} // namespace crucible
