#include "MeasurementFields.h"

#include "SettingsKeys.h"
#include "cli/CommandLine.h"
#include "suite/Suite.h"

#include <QDoubleSpinBox>
#include <QSettings>
#include <QSpinBox>
#include <QToolBar>

namespace crucible::gui {

MeasurementFields::MeasurementFields(QToolBar* bar)
    : QObject(bar), m_samples(new QSpinBox), m_warmUp(new QDoubleSpinBox), m_measurement(new QDoubleSpinBox)
{
    m_samples->setRange(2, 10'000);
    m_samples->setSuffix(tr(" samples"));
    m_warmUp->setRange(0, 600);
    m_warmUp->setSuffix(tr(" s warm-up"));
    m_measurement->setRange(0.01, 3600);
    m_measurement->setSuffix(tr(" s measured"));
    bar->addWidget(m_samples);
    bar->addWidget(m_warmUp);
    bar->addWidget(m_measurement);
}

MeasurementSettings MeasurementFields::settings() const
{
    MeasurementSettings s;
    s.sampleCount = m_samples->value();
    s.warmUpSeconds = m_warmUp->value();
    s.measurementSeconds = m_measurement->value();
    return s;
}

void MeasurementFields::takeDefaults(const SuiteDefaults& defaults)
{
    if (defaults.samples)
        m_samples->setValue(*defaults.samples);
    if (defaults.warmUpSeconds)
        m_warmUp->setValue(*defaults.warmUpSeconds);
    if (defaults.measurementSeconds)
        m_measurement->setValue(*defaults.measurementSeconds);
}

void MeasurementFields::takeFlags(const CommandLineOptions& options)
{
    if (options.sampleSizeGiven)
        m_samples->setValue(options.settings.sampleCount);
    if (options.warmUpGiven)
        m_warmUp->setValue(options.settings.warmUpSeconds);
    if (options.measurementGiven)
        m_measurement->setValue(options.settings.measurementSeconds);
}

void MeasurementFields::restore(const QSettings& s)
{
    const MeasurementSettings defaults;
    m_samples->setValue(s.value(settings::kSampleCount, defaults.sampleCount).toInt());
    m_warmUp->setValue(s.value(settings::kWarmUpSeconds, defaults.warmUpSeconds).toDouble());
    m_measurement->setValue(s.value(settings::kMeasurementSeconds, defaults.measurementSeconds).toDouble());
}

void MeasurementFields::save(QSettings& s) const
{
    s.setValue(settings::kSampleCount, m_samples->value());
    s.setValue(settings::kWarmUpSeconds, m_warmUp->value());
    s.setValue(settings::kMeasurementSeconds, m_measurement->value());
}

} // namespace crucible::gui
