package org.downline.web;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The binary pages by role on {@link BinaryTestCompany}: anonymous, admin ("staff") and distributor
 * "ben" (member B: placement organisation B and E; his recruit G waits in the tank, A's recruit F
 * too). Console pages are staff only; the back office shows Ben his own placement organisation and
 * lets him place only his own recruits. No row here places anyone (each POST is refused).
 */
@SpringBootTest(classes = WebApp.class)
@AutoConfigureMockMvc
class BinaryAuthorizationTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(WebApp.DB_URL, () -> BinaryTestCompany.url("binaryauth"));
  }

  @Autowired MockMvc mvc;

  static Stream<Arguments> table() {
    return Stream.of(
        // ---- console: staff only
        ByRole.row("GET", "/console/holding-tank", 302, 200, 403),
        ByRole.row("POST", "/console/holding-tank/place?recruit=F&parent=E&position=left", 302, 302, 403), // outside A's organisation
        ByRole.row("GET", "/console/binary", 302, 200, 403),
        ByRole.row("GET", "/console/binary?member=E", 302, 200, 403),
        ByRole.row("GET", "/console/binary?member=F", 302, 404, 403), // waiting: not in the tree
        ByRole.row("GET", "/console/binary/children/A", 302, 200, 403),
        ByRole.row("GET", "/console/plans/compare", 302, 200, 403),
        ByRole.row("GET", "/console/plans/compare?a=demo&b=binary", 302, 200, 403),
        // ---- back office: the distributor's own
        ByRole.row("GET", "/office/holding-tank", 302, 403, 200),
        ByRole.row("POST", "/office/holding-tank/place?recruit=F&parent=B&position=right", 302, 403, 403), // A's recruit
        ByRole.row("POST", "/office/holding-tank/place?recruit=G&parent=B&position=left", 302, 403, 302), // taken by E: refused
        ByRole.row("GET", "/office/binary", 302, 403, 200),
        ByRole.row("GET", "/office/binary?member=E", 302, 403, 200), // spillover below Ben
        ByRole.row("GET", "/office/binary?member=A", 302, 403, 404), // beside Ben, not below
        ByRole.row("GET", "/office/binary/children/B", 302, 403, 200),
        ByRole.row("GET", "/office/binary/children/R", 302, 403, 404),
        // ---- API: the same rules (PlacementApiTest has the placements)
        ByRole.row("GET", "/api/v1/holding-tank", 401, 200, 200));
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {2}, admin {3}, distributor {4}")
  @MethodSource("table")
  void everyBinaryPageByRole(String method, String url, int anonymous, int admin, int ben) throws Exception {
    ByRole.expect(this::status, method, url, anonymous, admin, ben);
  }

  int status(String method, String url, ByRole.Who who) throws Exception {
    return ByRole.perform(mvc, ByRole.plain(method, url), url, who);
  }
}
