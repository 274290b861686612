#pragma once

#include "MeasurementSettings.h"

#include <QObject>

QT_BEGIN_NAMESPACE
class QDoubleSpinBox;
class QSettings;
class QSpinBox;
class QToolBar;
QT_END_NAMESPACE

namespace crucible {
struct CommandLineOptions;
struct SuiteDefaults;
} // namespace crucible

namespace crucible::gui {

// The tool bar's settings for the next run: samples, warm-up and measured time. The user's
// values come back at the next start; a suite's defaults fill them as it is opened, and the
// command line's flags beat both, as in the headless run.
class MeasurementFields : public QObject {
    Q_OBJECT
public:
    explicit MeasurementFields(QToolBar* bar);

    MeasurementSettings settings() const;
    void takeDefaults(const SuiteDefaults& defaults);
    void takeFlags(const CommandLineOptions& options);
    void restore(const QSettings& settings);
    void save(QSettings& settings) const;

private:
    QSpinBox* m_samples;
    QDoubleSpinBox* m_warmUp;
    QDoubleSpinBox* m_measurement;
};

} // namespace crucible::gui
