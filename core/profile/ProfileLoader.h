#pragma once

#include "Profile.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace pyrolink {

/// Reads a JSON profile (docs/profiles.md) and checks it completely. On error, the message names the file,
/// the line and the field, e.g. "my.json:42: registers[7].scale.divisor: must not be 0."
class ProfileLoader
{
public:
    static std::shared_ptr<const Profile> loadFile(const QString &path, QString *error);
    static std::shared_ptr<const Profile> loadData(const QByteArray &json, const QString &fileName,
                                                   QString *error);
};

} // namespace pyrolink
