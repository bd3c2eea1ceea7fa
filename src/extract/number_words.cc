// NumberAt: the bridge from the extract stage to the text layer's number parser.
#include "extract/steps.h"
#include "text/numbers.h"

namespace annals::extract {

std::optional<int64_t> NumberAt(const ExtractContext& ctx, uint32_t i, uint32_t limit, uint32_t* end, bool* vague) {
  const std::optional<text::NumberMatch> match = text::ParseNumberAt(ctx.doc, i);
  if (!match || match->end_token > limit || match->percent || match->modifier) {
    *end = i + 1;
    return std::nullopt;
  }
  *end = match->end_token;
  *vague = match->vague;
  return match->value;
}

}  // namespace annals::extract
