#pragma once

#include "modbus/RegisterIo.h"

#include <functional>

namespace pyrolink {

class DevicePoller;

/// The two things commissioning needs of a device, reading registers once and writing verified items, as
/// functions, so that one engine (backup, restore, the emissivity assistant) serves both the command line,
/// which talks through a RegisterIo on a ModbusLink of its own, and the GUI, whose device is already polled
/// by a DevicePoller that must stay the only one sending requests. Both calls are asynchronous and answer
/// exactly once, from the event loop.
struct DeviceAccess
{
    using ReadFn = std::function<void(const QList<const RegisterDef *> &, RegisterIo::ReadDone)>;
    using WriteFn = std::function<void(const QList<WriteItem> &, RegisterIo::WriteDone)>;

    ReadFn read;
    WriteFn write;

    /// Through a RegisterIo (the CLI). The RegisterIo must outlive every call.
    static DeviceAccess over(RegisterIo *io);
    /// Through a DevicePoller (the GUI): reads are queued with its polling (requestRead) and answered when
    /// every register has come back or failed; writes go through DevicePoller::write.
    static DeviceAccess over(DevicePoller *poller);

    /// How long a read through the poller may take before the registers not yet answered count as failed.
    static int pollerReadTimeoutMs(int registers) { return 15000 + 100 * registers; }
};

} // namespace pyrolink
