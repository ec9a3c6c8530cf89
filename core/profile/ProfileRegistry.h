#pragma once

#include "Profile.h"

#include <QStringList>

#include <memory>

namespace pyrolink {

/// All profiles the program knows: the built-in ones (qrc :/profiles), the user folder, PYROLINK_PROFILE_PATH
/// and extra folders. A later source replaces a profile of the same id. A broken file is reported in errors()
/// and skipped; the others still load.
class ProfileRegistry
{
public:
    /// Loads built-in, user-folder and environment profiles, then every folder in extraDirs.
    void loadDefault(const QStringList &extraDirs = {});
    void loadDirectory(const QString &dir);
    /// Adds one profile file; returns false (and records the error) if it is broken.
    bool loadFile(const QString &path);

    QList<std::shared_ptr<const Profile>> profiles() const { return m_profiles; }
    std::shared_ptr<const Profile> find(const QString &id) const;
    QStringList errors() const { return m_errors; }

    /// ~/.local/share/Pyrolink/profiles on Linux, %APPDATA%/Pyrolink/profiles on Windows.
    static QString userProfileDir();

private:
    void add(std::shared_ptr<const Profile> profile);
    QList<std::shared_ptr<const Profile>> m_profiles;
    QStringList m_errors;
};

} // namespace pyrolink
