import type { ToyDto } from '@toyclub/shared';
import type { Toy } from './Toy';

/** A toy for the admin console. */
export function presentToy(toy: Toy): ToyDto {
  return {
    id: toy.id,
    sku: toy.sku,
    name: toy.name,
    aliases: toy.aliases,
    category: toy.category,
    categoryLabel: toy.categoryLabel,
    minAgeMonths: toy.minAgeMonths,
    maxAgeMonths: toy.maxAgeMonths,
    priceFen: toy.priceFen,
    stock: toy.stock,
    pictureUrl: toy.pictureUrl,
  };
}
