"""GB 32100-2015 credit codes and GB 11643-1999 ID numbers (R-FLOW-1, R-APP-4)."""

from __future__ import annotations

from datetime import date

import pytest

from verification.tests.factories import valid_id_number, valid_uscc, wrong_check_char
from verification.validators import (
    USCC_ALPHABET,
    id_check_char,
    is_valid_id_number,
    is_valid_uscc,
    mask_credit_code,
    uscc_check_char,
)

# Credit codes printed on real, published licences (checked by hand against the standard's algorithm).
PUBLISHED_USCC = ["91350100M000100Y43", "91440300708461136T", "91110000600037341L"]


class TestCreditCode:
    @pytest.mark.parametrize("code", PUBLISHED_USCC)
    def test_published_codes_pass_R_FLOW_1(self, code: str) -> None:
        assert is_valid_uscc(code)

    def test_weights_are_powers_of_three_mod_31_R_FLOW_1(self) -> None:
        # The standard's table: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
        from verification.validators import USCC_WEIGHTS

        assert USCC_WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    @pytest.mark.parametrize("n", range(1, 40))
    def test_computed_codes_pass_and_every_other_check_char_fails_R_FLOW_1(self, n: int) -> None:
        code = valid_uscc(n)
        assert is_valid_uscc(code)
        for ch in USCC_ALPHABET:
            if ch != code[-1]:
                assert not is_valid_uscc(code[:-1] + ch)

    @pytest.mark.parametrize(
        "code",
        [
            "",
            "91350100M000100Y4",  # 17 characters
            "91350100M000100Y433",  # 19 characters
            "91350100M000100I43",  # I is not in the alphabet
            "91350100M000100O43",  # nor O
            "913501A0M000100Y43",  # the region part must be digits
        ],
    )
    def test_malformed_codes_fail_R_FLOW_1(self, code: str) -> None:
        assert not is_valid_uscc(code)

    def test_lower_case_and_spaces_are_tolerated_R_FLOW_1(self) -> None:
        assert is_valid_uscc(" 91350100m000100y43 ")

    def test_check_char_zero_case_R_FLOW_1(self) -> None:
        # When the weighted sum is a multiple of 31 the check character is "0", not "Y"/out of range.
        body = next(b for b in (f"91330212MA1{n:06d}" for n in range(5000)) if uscc_check_char(b) == "0")
        assert is_valid_uscc(body + "0")

    def test_mask_keeps_region_and_tail_only_R_OPS_3(self) -> None:
        assert mask_credit_code("91350100M000100Y43") == "913501********0Y43"


class TestIdNumber:
    def test_published_sample_passes_R_APP_4(self) -> None:
        # GB 11643-1999's worked example.
        assert is_valid_id_number("11010519491231002X")

    def test_standard_example_of_1880_has_a_correct_check_digit_but_no_living_holder_R_APP_4(self) -> None:
        assert id_check_char("44052418800101001") == "4"
        assert not is_valid_id_number("440524188001010014")

    def test_computed_numbers_pass_and_wrong_check_digits_fail_R_APP_4(self) -> None:
        for birth in ("19900307", "20000229", "19781231"):
            number = valid_id_number(birth=birth)
            assert is_valid_id_number(number)
            assert not is_valid_id_number(wrong_check_char(number, "0123456789X"))

    def test_lower_case_x_is_accepted_R_APP_4(self) -> None:
        assert is_valid_id_number("11010519491231002x")

    @pytest.mark.parametrize("birth", ["19900230", "19901301", "20010229"])
    def test_impossible_birth_dates_fail_R_APP_4(self, birth: str) -> None:
        body = f"330212{birth}123"
        assert not is_valid_id_number(body + id_check_char(body))

    def test_birth_in_the_future_fails_R_APP_4(self) -> None:
        body = "33021220990101123"
        assert not is_valid_id_number(body + id_check_char(body), today=date(2026, 1, 1))

    def test_old_15_digit_numbers_are_refused_R_APP_4(self) -> None:
        assert not is_valid_id_number("110105491231002")
