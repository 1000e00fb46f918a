package org.hms.emergency.visit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hms.emergency.EmergencyFixtures.BOARD;
import static org.hms.emergency.EmergencyFixtures.VISITS;
import static org.hms.emergency.EmergencyFixtures.arriveUnidentified;
import static org.hms.emergency.EmergencyFixtures.post;
import static org.hms.emergency.EmergencyFixtures.triage;
import static org.hms.emergency.EmergencyFixtures.triageExample;
import static org.hms.emergency.EmergencyFixtures.triageLevel1;
import static org.hms.emergency.EmergencyFixtures.triageLevel3;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.hms.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The ED board: untriaged first, then ESI 1 to 5, then longest waiting; with the clocks. */
@QuarkusTest
class EdBoardTest {

    @Test
    void theBoardOrdersByAcuityThenWaitAndShowsTheClocks() {
        String level3Early = arriveUnidentified("board: ankle");
        String level2 = arriveUnidentified("board: chest pain");
        String level3Late = arriveUnidentified("board: cough");
        String untriaged = arriveUnidentified("board: just arrived");
        String level1 = arriveUnidentified("board: arrest");
        String departed = arriveUnidentified("board: gone");
        triage(level3Early, triageLevel3()).then().statusCode(200);
        triage(level2, triageExample()).then().statusCode(200);
        triage(level3Late, triageLevel3()).then().statusCode(200);
        triage(level1, triageLevel1()).then().statusCode(200);
        post("physician", VISITS + "/" + level1 + "/seen").then().statusCode(200);
        post("nurse", VISITS + "/" + departed + "/depart", Map.of("disposition", "left")).then().statusCode(200);

        JsonPath board = given().auth().oauth2(TestTokens.of("nurse")).get(BOARD)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<String> mine = board.<String>getList("patients.visitId").stream()
                .filter(List.of(level3Early, level2, level3Late, untriaged, level1, departed)::contains)
                .toList();
        assertThat(mine).containsExactly(untriaged, level1, level2, level3Early, level3Late);
        Map<String, Object> seen = entry(board, level1);
        assertThat(seen.get("esiLevel")).isEqualTo(1);
        assertThat(seen.get("status")).isEqualTo("seen");
        assertThat(seen.get("timeToTriageSeconds")).isNotNull();
        assertThat(seen.get("timeToClinicianSeconds")).isNotNull();
        Map<String, Object> waiting = entry(board, untriaged);
        assertThat(waiting.get("esiLevel")).isNull();
        assertThat(waiting.get("timeToTriageSeconds")).isNull();
        assertThat(waiting.get("chiefComplaint")).isEqualTo("board: just arrived");
        assertThat(board.getInt("count")).isEqualTo(board.getList("patients").size());
    }

    @Test
    void onlyCliniciansAndAdminsSeeTheBoard() {
        given().auth().oauth2(TestTokens.of("receptionist")).get(BOARD).then().statusCode(403);
        given().auth().oauth2(TestTokens.of("admin")).get(BOARD).then().statusCode(200);
        given().get(BOARD).then().statusCode(401);
    }

    private static Map<String, Object> entry(JsonPath board, String visit) {
        return board.<Map<String, Object>>getList("patients").stream()
                .filter(e -> visit.equals(e.get("visitId")))
                .findFirst()
                .orElseThrow();
    }
}
