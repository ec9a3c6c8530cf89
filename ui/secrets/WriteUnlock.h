#pragma once

#include <functional>

class QWidget;

namespace pyrolink {

class DeviceSession;

/// Unlocks writing to `session` as the user asked. If a write-unlock PIN is stored for this device, asks for
/// it first (a password field in a dialog on `parent`); without one, unlocks at once. On success calls
/// session->setWriteUnlocked(true). `done` is called once, later, from the event loop: true if writing is
/// now unlocked, false if the user cancelled, typed a wrong PIN or the keychain refused.
void requestWriteUnlock(DeviceSession *session, QWidget *parent, std::function<void(bool)> done);

} // namespace pyrolink
