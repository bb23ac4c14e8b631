namespace NormsGraph.Core.Text;

/// <summary>The Porter (1980) suffix-stripping stemmer for English, on lowercase ASCII words.</summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }
        var w = new Word(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string initial)
    {
        private string _w = initial;

        public override string ToString() => _w;

        private bool IsConsonant(int i) => _w[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m() of the algorithm: the number of vowel-consonant sequences in w[0..length).
        private int Measure(int length)
        {
            var n = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }
            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }
                if (i >= length)
                {
                    break;
                }
                n++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }
            return n;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }
            return false;
        }

        private bool EndsWithDoubleConsonant(int length) =>
            length >= 2 && _w[length - 1] == _w[length - 2] && IsConsonant(length - 1);

        // *o: stem ends consonant-vowel-consonant, the last not w, x or y.
        private bool EndsCvc(int length) =>
            length >= 3 && IsConsonant(length - 3) && !IsConsonant(length - 2) && IsConsonant(length - 1)
            && _w[length - 1] is not ('w' or 'x' or 'y');

        private bool Ends(string suffix) => _w.EndsWith(suffix, StringComparison.Ordinal);

        private int StemLength(string suffix) => _w.Length - suffix.Length;

        private void Replace(string suffix, string replacement) => _w = _w[..StemLength(suffix)] + replacement;

        private bool ReplaceIfMeasure(string suffix, string replacement, int minMeasure)
        {
            if (!Ends(suffix))
            {
                return false;
            }
            if (Measure(StemLength(suffix)) > minMeasure)
            {
                Replace(suffix, replacement);
            }
            return true;
        }

        public void Step1A()
        {
            if (Ends("sses")) { Replace("sses", "ss"); }
            else if (Ends("ies")) { Replace("ies", "i"); }
            else if (Ends("ss")) { }
            else if (Ends("s")) { Replace("s", ""); }
        }

        public void Step1B()
        {
            if (Ends("eed"))
            {
                if (Measure(StemLength("eed")) > 0) { Replace("eed", "ee"); }
                return;
            }
            string? suffix = Ends("ed") ? "ed" : Ends("ing") ? "ing" : null;
            if (suffix is null || !HasVowel(StemLength(suffix)))
            {
                return;
            }
            Replace(suffix, "");
            if (Ends("at") || Ends("bl") || Ends("iz"))
            {
                _w += "e";
            }
            else if (EndsWithDoubleConsonant(_w.Length) && _w[^1] is not ('l' or 's' or 'z'))
            {
                _w = _w[..^1];
            }
            else if (Measure(_w.Length) == 1 && EndsCvc(_w.Length))
            {
                _w += "e";
            }
        }

        public void Step1C()
        {
            if (Ends("y") && HasVowel(_w.Length - 1))
            {
                Replace("y", "i");
            }
        }

        private static readonly (string, string)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ];

        public void Step2()
        {
            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (ReplaceIfMeasure(suffix, replacement, 0))
                {
                    return;
                }
            }
        }

        private static readonly (string, string)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (ReplaceIfMeasure(suffix, replacement, 0))
                {
                    return;
                }
            }
        }

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
            "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!Ends(suffix))
                {
                    continue;
                }
                var stem = StemLength(suffix);
                if (suffix == "ion" && (stem == 0 || _w[stem - 1] is not ('s' or 't')))
                {
                    continue;
                }
                if (Measure(stem) > 1)
                {
                    _w = _w[..stem];
                }
                return;
            }
        }

        public void Step5()
        {
            if (Ends("e"))
            {
                var m = Measure(_w.Length - 1);
                if (m > 1 || (m == 1 && !EndsCvc(_w.Length - 1)))
                {
                    _w = _w[..^1];
                }
            }
            if (Measure(_w.Length) > 1 && EndsWithDoubleConsonant(_w.Length) && _w[^1] == 'l')
            {
                _w = _w[..^1];
            }
        }
    }
}
