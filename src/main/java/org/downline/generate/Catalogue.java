package org.downline.generate;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.network.Product;

/**
 * The built-in catalogue and campaigns of the synthetic company. Figures are per unit: PV is
 * roughly 80% of the price and CV roughly 70%, the usual shape of a direct-selling price list;
 * starter kits carry PV (they count toward the first month's activity) but never CV.
 */
public final class Catalogue {
  private Catalogue() {}

  // sku, name, category, price, pv, cv, kit
  private static final String[] PRODUCTS = {
    "NUT-001|Daily Multivitamin|nutrition|29.90|24.00|21.00|false",
    "NUT-002|Omega-3 Softgels|nutrition|34.50|27.50|24.00|false",
    "NUT-003|Plant Protein Shake, Vanilla|nutrition|54.00|43.00|38.00|false",
    "NUT-004|Plant Protein Shake, Cocoa|nutrition|54.00|43.00|38.00|false",
    "NUT-005|Greens Powder|nutrition|44.90|36.00|31.50|false",
    "NUT-006|Probiotic 30|nutrition|39.00|31.00|27.25|false",
    "NUT-007|Vitamin D3 + K2|nutrition|19.90|16.00|14.00|false",
    "NUT-008|Collagen Peptides|nutrition|49.50|39.50|34.75|false",
    "NUT-009|Electrolyte Sticks|nutrition|24.00|19.00|16.80|false",
    "NUT-010|Meal Bar Box (12)|nutrition|32.00|25.50|22.40|false",
    "SKN-001|Gentle Cleanser|skincare|26.00|20.80|18.20|false",
    "SKN-002|Hydrating Toner|skincare|28.50|22.80|19.95|false",
    "SKN-003|Vitamin C Serum|skincare|58.00|46.40|40.60|false",
    "SKN-004|Night Repair Cream|skincare|64.00|51.20|44.80|false",
    "SKN-005|Daily SPF 30|skincare|31.00|24.80|21.70|false",
    "SKN-006|Eye Contour Gel|skincare|42.00|33.60|29.40|false",
    "SKN-007|Clay Mask|skincare|29.00|23.20|20.30|false",
    "SKN-008|Skincare Regimen Set|skincare|149.00|119.00|104.30|false",
    "WEL-001|Sleep Support|wellness|27.90|22.30|19.50|false",
    "WEL-002|Stress Balance Tea|wellness|16.50|13.20|11.55|false",
    "WEL-003|Joint Comfort|wellness|38.00|30.40|26.60|false",
    "WEL-004|Essential Oil Trio|wellness|45.00|36.00|31.50|false",
    "WEL-005|Aroma Diffuser|wellness|69.00|40.00|35.00|false",
    "HOM-001|Concentrated Multi-Surface Cleaner|home|18.90|15.10|13.20|false",
    "HOM-002|Laundry Sheets (60)|home|22.00|17.60|15.40|false",
    "HOM-003|Dish Concentrate|home|12.50|10.00|8.75|false",
    "HOM-004|Water Filter Cartridge|home|36.00|28.80|25.20|false",
    "KIT-001|Starter Kit|kit|49.00|25.00|0.00|true",
    "KIT-002|Business Builder Kit|kit|199.00|100.00|0.00|true",
    "KIT-003|Customer Welcome Pack|kit|19.00|10.00|0.00|true",
  };

  // code, name, channel
  private static final String[] CAMPAIGNS = {
    "WELCOME10|Welcome 10% newsletter|email",
    "IG-GLOW|Glow skincare reels|social",
    "FB-WELL|Wellness community posts|social",
    "EXPO-SPRING|Spring health expo|event",
    "WEBINAR-NUT|Nutrition basics webinar|webinar",
    "SMS-FLASH|48-hour flash sale|sms",
    "REFER-FRIEND|Refer a friend|referral",
    "HOLIDAY-BOX|Holiday gift box|email",
  };

  /** The catalogue, starter kits last. */
  public static List<Product> products() {
    List<Product> list = new ArrayList<>(PRODUCTS.length);
    for (String p : PRODUCTS) {
      String[] f = p.split("\\|");
      list.add(new Product(0, f[0], f[1], Decimals.parseCents(f[3]), Decimals.parseCents(f[4]),
          Decimals.parseCents(f[5]), Boolean.parseBoolean(f[6]), f[2]));
    }
    return list;
  }

  public static List<Campaign> campaigns() {
    List<Campaign> list = new ArrayList<>(CAMPAIGNS.length);
    for (String c : CAMPAIGNS) {
      String[] f = c.split("\\|");
      list.add(new Campaign(f[0], f[1], f[2]));
    }
    return list;
  }
}
