#pragma once

#include "ReportBlocks.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace crucible::report {

// Lets a report painted on a worker thread have its charts drawn on the GUI thread. Qt Charts
// draw through a QGraphicsScene, and a scene registers itself with the QApplication in a list
// that only the GUI thread may touch, so the charts cannot be built elsewhere. Everything else
// of a report (laying out pages, measuring and drawing text and tables, writing the PDF) can.
// drawer() hands each chart to the GUI thread by a queued call and waits while the GUI thread
// builds it and draws it into the worker's painter (the worker does not touch the painter
// meanwhile); between two charts the GUI thread goes on with its events, so a window stays
// responsive while a long report renders.
class ChartHandOff {
public:
    // `gui` lives on the GUI thread and receives the queued calls. It must outlive every worker
    // that uses the drawer: to end early, cancel() and then wait for the worker.
    explicit ChartHandOff(QObject* gui);

    // For PdfOptions::drawChart. Called on the GUI thread itself, it draws at once.
    ChartDrawer drawer() const;
    // GUI thread only: no more charts are drawn, and a worker waiting for one stops waiting (its
    // report lacks the chart; cancelled() tells the caller not to keep it).
    void cancel();
    bool cancelled() const;

private:
    struct State {
        std::atomic<bool> cancelled{false};
        QObject* gui = nullptr;
    };
    std::shared_ptr<State> m_state;
};

} // namespace crucible::report
