#include "SampleBlob.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

namespace crucible::history {

namespace {

constexpr char kFormat = 1;

enum ColumnMode : char { AllZero = 0, IntegerDeltas = 1, Doubles = 2 };

void putVarint(QByteArray& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

std::uint64_t zigzag(std::int64_t v)
{
    return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v)
{
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
}

// Whole numbers below 2^53 survive the trip through int64 and back to double exactly.
constexpr std::int64_t kLargestExact = std::int64_t(1) << 53;
bool integral(double v)
{
    return std::isfinite(v) && v == std::floor(v) && std::abs(v) < double(kLargestExact);
}

// A double that converts to int64 without undefined behaviour: [-2^63, 2^63), not NaN.
bool fitsInt64(double v)
{
    return v >= -9223372036854775808.0 && v < 9223372036854775808.0;
}

void putColumn(QByteArray& out, const std::vector<double>& values)
{
    if (std::all_of(values.begin(), values.end(), [](double v) { return v == 0 && !std::signbit(v); })) {
        out.append(char(AllZero));
    } else if (std::all_of(values.begin(), values.end(), integral)) {
        out.append(char(IntegerDeltas));
        std::int64_t previous = 0;
        for (double v : values) {
            const auto current = std::int64_t(v);
            putVarint(out, zigzag(current - previous));
            previous = current;
        }
    } else {
        out.append(char(Doubles));
        for (double v : values) {
            const auto bits = std::bit_cast<std::uint64_t>(v);
            for (int shift = 0; shift < 64; shift += 8)
                out.append(char((bits >> shift) & 0xff));
        }
    }
}

// Iterations are unsigned 64-bit counts: deltas wrap modulo 2^64, which zigzag carries exactly.
void putIterations(QByteArray& out, const Samples& samples)
{
    std::uint64_t previous = 0;
    for (const Sample& s : samples) {
        putVarint(out, zigzag(std::int64_t(s.iterations - previous)));
        previous = s.iterations;
    }
}

class Reader {
public:
    explicit Reader(const QByteArray& bytes)
        : m_data(reinterpret_cast<const unsigned char*>(bytes.constData())), m_size(std::size_t(bytes.size()))
    { }

    bool failed() const { return m_failed; }
    bool atEnd() const { return m_pos == m_size; }

    unsigned char byte()
    {
        if (m_pos >= m_size) {
            m_failed = true;
            return 0;
        }
        return m_data[m_pos++];
    }

    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const unsigned char b = byte();
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80) || m_failed)
                return v;
        }
        m_failed = true; // more than ten bytes: not a varint this encoder wrote
        return 0;
    }

    std::vector<double> column(std::size_t n)
    {
        std::vector<double> values(n, 0.0);
        switch (byte()) {
        case AllZero:
            break;
        case IntegerDeltas: {
            // Summed modulo 2^64 (a corrupt blob must not overflow a signed sum); every value
            // this encoder writes is a whole number below 2^53, so anything else is corrupt.
            std::uint64_t previous = 0;
            for (double& v : values) {
                previous += std::uint64_t(unzigzag(varint()));
                const auto value = std::int64_t(previous);
                if (value <= -kLargestExact || value >= kLargestExact)
                    m_failed = true;
                v = double(value);
            }
            break;
        }
        case Doubles:
            for (double& v : values) {
                std::uint64_t bits = 0;
                for (int shift = 0; shift < 64; shift += 8)
                    bits |= std::uint64_t(byte()) << shift;
                v = std::bit_cast<double>(bits);
            }
            break;
        default:
            m_failed = true;
        }
        return values;
    }

private:
    const unsigned char* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

template <typename Field>
std::vector<double> columnOf(const Samples& samples, Field field)
{
    std::vector<double> values;
    values.reserve(samples.size());
    for (const Sample& s : samples)
        values.push_back(double(s.*field));
    return values;
}

} // namespace

QByteArray encodeSamples(const Samples& samples)
{
    QByteArray out;
    out.reserve(16 + qsizetype(samples.size()) * 12);
    out.append(kFormat);
    putVarint(out, samples.size());
    putIterations(out, samples);
    putColumn(out, columnOf(samples, &Sample::elapsedNs));
    putColumn(out, columnOf(samples, &Sample::cpuNs));
    putColumn(out, columnOf(samples, &Sample::rssBytes));
    putColumn(out, columnOf(samples, &Sample::userNs));
    putColumn(out, columnOf(samples, &Sample::sysNs));
    return out;
}

std::optional<Samples> decodeSamples(const QByteArray& blob)
{
    Reader in(blob);
    if (in.byte() != kFormat)
        return std::nullopt;
    const std::uint64_t n = in.varint();
    // Each sample takes at least one byte (its iterations), which bounds a corrupt count.
    if (in.failed() || n > std::uint64_t(blob.size()))
        return std::nullopt;
    Samples samples(n);
    std::uint64_t iterations = 0;
    for (Sample& s : samples) {
        iterations += std::uint64_t(unzigzag(in.varint()));
        s.iterations = iterations;
    }
    const std::vector<double> elapsed = in.column(n);
    const std::vector<double> cpu = in.column(n);
    const std::vector<double> rss = in.column(n);
    const std::vector<double> user = in.column(n);
    const std::vector<double> sys = in.column(n);
    if (in.failed() || !in.atEnd())
        return std::nullopt;
    // The resident set was an int64 when it was written; one that is not is a corrupt blob.
    if (!std::all_of(rss.begin(), rss.end(), fitsInt64))
        return std::nullopt;
    for (std::size_t i = 0; i < n; ++i) {
        samples[i].elapsedNs = elapsed[i];
        samples[i].cpuNs = cpu[i];
        samples[i].rssBytes = std::int64_t(rss[i]);
        samples[i].userNs = user[i];
        samples[i].sysNs = sys[i];
    }
    return samples;
}

} // namespace crucible::history
