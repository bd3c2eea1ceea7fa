#include "code/event_coder.h"

namespace annals::code {

struct EventCoder::Impl {
  const geo::Geocoder* geocoder = nullptr;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

Result<std::unique_ptr<EventCoder>> EventCoder::Load(const std::string& data_dir, const geo::Geocoder* geocoder) {
  auto impl = std::make_unique<Impl>();
  impl->geocoder = geocoder;
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
}

void EventCoder::Code(const Article& article, const text::Document& title, const text::Document& body,
                      const geo::GeoResult& places, ArticleRecord* record) const {}

}  // namespace annals::code
