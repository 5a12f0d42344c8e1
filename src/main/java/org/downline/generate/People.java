package org.downline.generate;

import java.text.Normalizer;
import java.util.Locale;

/** Small built-in lists of names and countries for fake personal data. */
final class People {
  private People() {}

  static final String[] FIRST = {
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Sofia", "Mateo", "Mia", "Leon", "Chloé", "Hugo",
    "Hannah", "Jonas", "María", "José", "Lucía", "Diego", "Giulia", "Marco", "Zofia", "Jakub", "Ana",
    "João", "Grace", "Oliver", "Ella", "Jack", "Sarah", "David", "Priya", "Arjun", "Fatima", "Omar",
    "Mei", "Kenji", "Nora", "Erik", "Amelia", "Samuel", "Léa", "Tomás", "Isabel", "Rafael", "Lena",
    "Maximilian", "Charlotte", "Daniel", "Camila", "Gabriel",
  };

  static final String[] LAST = {
    "Smith", "Johnson", "Williams", "Brown", "Garcia", "Martínez", "Rodríguez", "López", "Müller",
    "Schmidt", "Schneider", "Dubois", "Martin", "Bernard", "Rossi", "Russo", "Kowalski", "Nowak",
    "Silva", "Santos", "Oliveira", "Taylor", "Wilson", "Thompson", "Walker", "de Vries", "Jansen",
    "Nguyen", "Reyes", "Cruz", "Bautista", "Kim", "Patel", "Khan", "Hernández", "González", "Fischer",
    "Weber", "Moreau", "Lefèvre", "Romano", "Wiśniewski", "Pereira", "Costa", "Anderson", "Clarke",
  };

  static final String[] FIRST_EMAIL = ascii(FIRST);
  static final String[] LAST_EMAIL = ascii(LAST);

  // ISO code, calling code, locale, weight
  static final String[] COUNTRY = {"US", "CA", "MX", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "BR", "AU", "PH"};
  static final String[] CALLING = {"1", "1", "52", "44", "49", "33", "34", "39", "31", "48", "55", "61", "63"};
  static final String[] LOCALE = {
    "en-US", "en-CA", "es-MX", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pl-PL", "pt-BR", "en-AU", "en-PH"
  };
  private static final int[] WEIGHT = {30, 6, 8, 8, 8, 6, 6, 5, 3, 4, 8, 4, 4};
  /** Country index by a uniform draw in 0..99. */
  static final byte[] COUNTRY_BY_PERCENT = spread(WEIGHT);

  private static String[] ascii(String[] names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = Normalizer.normalize(names[i], Normalizer.Form.NFD).replaceAll("\\p{M}", "")
          .replace("ł", "l").replace("ś", "s").replace(" ", "").toLowerCase(Locale.ROOT);
    }
    return out;
  }

  private static byte[] spread(int[] weights) {
    byte[] table = new byte[100];
    int k = 0;
    for (int c = 0; c < weights.length; c++) for (int w = 0; w < weights[c]; w++) table[k++] = (byte) c;
    if (k != 100) throw new IllegalStateException("country weights must sum to 100, not " + k);
    return table;
  }
}
