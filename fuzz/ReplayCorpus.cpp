// A driver for the fuzz targets without libFuzzer: feeds every file of the directories given to
// LLVMFuzzerTestOneInput once, so that the normal build's tests check each target's properties
// over its whole corpus (the inputs fuzzing found included) with any compiler. A failed property
// aborts, which fails the test.
#include <QByteArray>
#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char* argv[])
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const QDir dir(QString::fromLocal8Bit(argv[i]));
        if (!dir.exists()) {
            std::fprintf(stderr, "replay: no directory %s\n", argv[i]);
            return 2;
        }
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "replay: cannot read %s\n", qPrintable(file.fileName()));
                return 2;
            }
            const QByteArray bytes = file.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
            ++inputs;
        }
    }
    std::printf("replay: %d inputs, every property held\n", inputs);
    return inputs > 0 ? 0 : 2; // an empty corpus checks nothing
}
