namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>
/// Follows runs of base64 and hex characters as the prescan walks the visible text, so the decoders only run when a
/// candidate exists: a base64 run of 16+ characters with a digit or symbol, 16+ hex digits, or hex pairs separated by
/// spaces or colons ("89 50 4e 47 …").
/// </summary>
internal struct RunTracker
{
    private const int MinRun = 16;
    private const int MinPairs = 8;

    private int _base64;
    private bool _base64Special;
    private int _hex;
    private int _pairs;

    public void Track(char c, ref ScanFacts facts)
    {
        if (char.IsAsciiHexDigit(c))
        {
            _hex++;
        }
        else
        {
            _pairs = _hex == 2 && c is ' ' or ':' ? _pairs + 1 : 0;
            EndHex(ref facts);
        }
        if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '_' or '-')
        {
            _base64++;
            if (!char.IsAsciiLetter(c)) _base64Special = true;
        }
        else
        {
            if (c == '=' && _base64 > 0) _base64Special = true;
            EndBase64(ref facts);
        }
        if (_pairs + (_hex == 2 ? 1 : 0) >= MinPairs) facts.Signals |= TextSignals.Hex;
    }

    public void End(ref ScanFacts facts)
    {
        EndHex(ref facts);
        EndBase64(ref facts);
    }

    private void EndHex(ref ScanFacts facts)
    {
        if (_hex >= MinRun) facts.Signals |= TextSignals.Hex;
        _hex = 0;
    }

    private void EndBase64(ref ScanFacts facts)
    {
        if (_base64 >= MinRun && _base64Special) facts.Signals |= TextSignals.Base64;
        _base64 = 0;
        _base64Special = false;
    }
}
