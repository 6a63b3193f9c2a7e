// Selecting a series from the membership data and putting it in members per 1,000 workers.
#include <algorithm>
#include <cctype>

#include "netadopt/calibration/calibration.hpp"

namespace netadopt::run {

namespace {
bool same_text(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

bool matches(const MembershipRow& row, const SeriesSpec& spec) {
  return same_text(row.platform, spec.data_platform) &&
         same_text(row.geography, spec.data_geography);
}

ObservedPoint point_of(const MembershipRow& row, const SeriesSpec& spec) {
  const double members = row.members * (spec.world_to_us ? linkedin_us_share(row.date) : 1.0);
  return {row.date, members, members / spec.workforce * 1000.0, row.source};
}
}  // namespace

ObservedSeries observed_series(const MembershipData& data, const SeriesSpec& spec,
                               scenario::Date end) {
  ObservedSeries series{spec, {}, 0};
  for (const auto& row : data.rows) {
    if (!matches(row, spec)) continue;
    if (row.date < spec.from || row.date > end)
      ++series.left_out;
    else
      series.points.push_back(point_of(row, spec));
  }
  std::stable_sort(series.points.begin(), series.points.end(),
                   [](const ObservedPoint& a, const ObservedPoint& b) { return a.date < b.date; });
  return series;
}

}  // namespace netadopt::run
