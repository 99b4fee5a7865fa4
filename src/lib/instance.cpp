#include <maxpods/instance.hpp>

namespace maxpods {

int InstanceType::default_card_enis() const {
  for (const auto& card : network_cards) {
    if (card.index == default_network_card) {
      return card.max_enis;
    }
  }
  return 0;
}

}  // namespace maxpods
