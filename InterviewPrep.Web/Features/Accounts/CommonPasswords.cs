namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// Passwords that attackers try first: the most common ones from published breach lists, keyboard
/// patterns, and words this site's users would reach for. Lower case; <see cref="PasswordRules"/> also
/// refuses small variations (capitals, look-alike characters, digits and symbols around them).
/// </summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> Passwords = [.. List.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => Passwords.Count;

    /// <summary>True when <paramref name="lowerCasePassword"/> is on the list.</summary>
    public static bool Contains(string lowerCasePassword) => Passwords.Contains(lowerCasePassword);

    private const string List = """
        123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
        monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
        1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
        soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel
        starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom
        777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea
        biteme matthew access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin
        heather secret merlin diamond 1234qwer hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5
        patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey
        chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea
        smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers
        yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah
        123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller
        boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita
        knight fender barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy
        rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter
        prince marine fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal
        87654321 12344321 golden 8675309 dolphin lovely sexy abcdef abcdefg abcd1234 aa123456 1qaz2wsx3edc zaq12wsx
        qweasdzxc asdfghjkl qazwsxedc 1q2w3e4r5t 1q2w3e password1 password12 password123 password1234 passw0rd
        p@ssw0rd p@ssword pa55word pa$$word passpass passwort motdepasse contrasena senha parola wachtwoord haslo
        salasana welcome1 welcome123 letmein1 letmein123 qwerty1 qwerty12 qwerty123 qwerty1234 qwertyui qwertz
        qwertzuiop azerty azertyuiop iloveyou1 iloveu loveyou princess1 monkey1 shadow1 superman1 starwars1
        football1 baseball1 sunshine1 dragon1 master1 hello123 hello1 admin admin1 admin123 administrator root toor
        changeme changeit default guest login user username secret1 secret123 test123 test1234 testing tester demo
        sample example temp temp123 temporary letmein! trustme whatever1 nothing unknown god jesus christ angel1
        blessed faith heaven summer2024 winter2024 spring2024 autumn2024 fall2024 summer2025 winter2025 spring2025
        autumn2025 summer2026 winter2026 spring2026 autumn2026 january february march april may june july august
        september october november december monday tuesday wednesday thursday friday saturday sunday interviewprep
        interview interviews prepare preparation study studying learner learning student teacher school college
        university exam exams question questions answer answers flashcard flashcards google facebook linkedin
        microsoft apple amazon netflix twitter instagram youtube github gitlab dropbox yahoo hotmail outlook gmail
        icloud spotify pokemon naruto minecraft fortnite roblox zelda mario sonic pikachu liverpool chelsea1
        manchester barcelona realmadrid juventus arsenal1 football12 batman1 spiderman ironman hulk thor avengers
        harrypotter hogwarts gandalf1 frodo matrix1 neo morpheus cheese1 chocolate cookie1 pizza hotdog burger
        sushi pepper1 coffee1 banana1 apple1 orange1 lemon mango tiger lion eagle falcon1 shark wolf bear panther
        dragon12 unicorn butterfly kitty kitten puppy doggy freedom1 liberty america usa canada england france
        germany qazxsw zaqxsw xsw2zaq1 1qazxsw2 zxcvbnm1 asdf1234 asdf qwer zxcv 1234asdf asdfqwer qwerasdf
        abc12345 abcde abcdefgh abcdefghi abcdefghij abcabc abc123456 a1b2c3 a1b2c3d4 a123456 a12345678 123abc
        aaaaaaaa aaaaaaaaaaaa 00000000 000000000000 111111111111 123456789012 1234567890123 12345678910 0123456789
        1212 123 123123q 123qweasd 123qweasdzxc 1q2w3e4r5t6y qweasd qwe123 qwe12345 zxc123 asd123 asdasd qweqwe
        iloveyou2 loveme lovelove mylove babygirl baby sweetheart sweetie honey angel12 beautiful superstar
        rockstar shadow12 killer1 hunter2 hunter1 ranger1 soldier warrior ninja samurai letmeinnow openup
        opensesame enter123 access14 accessdenied security secure private
        """;
}
