"""Generated from store/common/reintegration.toml by `python -m
store.common.reintegration`: its questions and answers' labels, marked for
translation (pybabel reads no TOML). Do not edit; run the command again."""

from store.common.i18n import N_

WORDS = (
    N_('Do you have work or another regular source of income now?'),
    N_('Yes, regular work or income'),
    N_('Only now and then'),
    N_('No'),
    N_('How satisfied are you with your economic situation now?'),
    N_('Very satisfied'),
    N_('Satisfied'),
    N_('Neither satisfied nor dissatisfied'),
    N_('Dissatisfied'),
    N_('Very dissatisfied'),
    N_(
        'In the past month, how often did your household eat less or cheaper food because '
        'of its cost?'
    ),
    N_('Never'),
    N_('Sometimes'),
    N_('Often'),
    N_('Very often'),
    N_('Compared with what your household spends in a month, are your debts...'),
    N_('No debts'),
    N_('Smaller'),
    N_('Larger'),
    N_('If you needed money urgently, could you borrow it?'),
    N_('Yes'),
    N_('How good is the place where you live now?'),
    N_('Very good'),
    N_('Good'),
    N_('Fair'),
    N_('Poor'),
    N_('Very poor'),
    N_('Do the school-age children of your household go to school?'),
    N_('All of them'),
    N_('Some of them'),
    N_('None of them'),
    N_('No school-age children'),
    N_('Can you get health care when you or your family need it?'),
    N_('Always'),
    N_('Do you have your identity documents (identity card, family card, passport)?'),
    N_('All I need'),
    N_('None'),
    N_('How are things with your family since you came home?'),
    N_('Some tension'),
    N_('Serious conflict, or they turned me away'),
    N_('Is there someone you can turn to when you need help?'),
    N_('Do people around you treat you badly because you went abroad or came back?'),
    N_('Do you feel safe where you live?'),
    N_('Mostly'),
    N_('Rarely'),
    N_(
        'In the past two weeks, how often have you felt sad, afraid or angry, or been '
        'unable to sleep?'
    ),
    N_('Almost all the time'),
    N_('Do you plan to go abroad for work again?'),
    N_('No, I want to stay'),
    N_('I do not know yet'),
    N_('Yes, through official channels'),
    N_('Yes, even without papers or through a broker'),
    N_(
        'Since the last check-in, has a recruiter, broker or agent contacted you or your '
        'family?'
    ),
    N_('Since the last check-in, has anyone offered you work abroad?'),
    N_('Do you owe money to a recruiter, broker or agency?'),
)
