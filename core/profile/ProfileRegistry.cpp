#include "ProfileRegistry.h"

#include "ProfileLoader.h"

#include <QDir>
#include <QStandardPaths>

namespace pyrolink {

QString ProfileRegistry::userProfileDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Pyrolink/profiles");
}

void ProfileRegistry::loadDefault(const QStringList &extraDirs)
{
    loadDirectory(QStringLiteral(":/profiles"));
    loadDirectory(userProfileDir());
    const QString env = qEnvironmentVariable("PYROLINK_PROFILE_PATH");
    for (const QString &dir : env.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        loadDirectory(dir);
    for (const QString &dir : extraDirs)
        loadDirectory(dir);
}

void ProfileRegistry::loadDirectory(const QString &dir)
{
    const QDir d(dir);
    const QStringList files = d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        loadFile(d.filePath(f));
}

bool ProfileRegistry::loadFile(const QString &path)
{
    QString error;
    auto profile = ProfileLoader::loadFile(path, &error);
    if (!profile) {
        m_errors.append(error);
        return false;
    }
    add(std::move(profile));
    return true;
}

void ProfileRegistry::add(std::shared_ptr<const Profile> profile)
{
    for (auto &p : m_profiles) {
        if (p->id == profile->id) {
            p = std::move(profile);
            return;
        }
    }
    m_profiles.append(std::move(profile));
}

std::shared_ptr<const Profile> ProfileRegistry::find(const QString &id) const
{
    for (const auto &p : m_profiles)
        if (p->id == id)
            return p;
    return nullptr;
}

} // namespace pyrolink
