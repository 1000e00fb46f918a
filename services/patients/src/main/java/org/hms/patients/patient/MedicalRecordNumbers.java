package org.hms.patients.patient;

/**
 * Medical record numbers people can read out over the phone: "P" and eight digits, the last
 * a Luhn check digit, so a mistyped digit is caught before it finds the wrong patient.
 */
public final class MedicalRecordNumbers {

    private MedicalRecordNumbers() {}

    public static String format(long sequence) {
        String digits = Long.toString(sequence);
        return "P" + digits + luhn(digits);
    }

    public static boolean isValid(String mrn) {
        if (mrn == null || !mrn.matches("P[0-9]{2,}")) {
            return false;
        }
        String digits = mrn.substring(1, mrn.length() - 1);
        return luhn(digits) == mrn.charAt(mrn.length() - 1) - '0';
    }

    static int luhn(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
